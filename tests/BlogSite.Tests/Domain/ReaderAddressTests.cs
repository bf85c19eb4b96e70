using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class ReaderAddressTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static ReaderAddress Make(DateTime? sent = null, DateTime? confirmed = null) =>
        new() { Email = "ann@example.com", Secret = "s", CreatedAt = Now.AddDays(-2), ConfirmationSentAt = sent, ConfirmedAt = confirmed };

    [Fact]
    public void MaySendConfirmation_NeverSent_IsTrue() => Assert.True(Make().MaySendConfirmation(Now, Day));

    [Fact]
    public void MaySendConfirmation_SentWithinTheWindow_IsFalse() =>
        Assert.False(Make(sent: Now.AddHours(-23)).MaySendConfirmation(Now, Day));

    [Fact]
    public void MaySendConfirmation_SentBeforeTheWindow_IsTrue() =>
        Assert.True(Make(sent: Now.AddHours(-24)).MaySendConfirmation(Now, Day));

    [Fact]
    public void MaySendConfirmation_Confirmed_IsFalse() =>
        Assert.False(Make(sent: Now.AddDays(-30), confirmed: Now.AddDays(-29)).MaySendConfirmation(Now, Day));

    [Fact]
    public void Confirm_Twice_KeepsTheFirstTime()
    {
        var address = Make(sent: Now.AddHours(-1));

        address.Confirm(Now);
        address.Confirm(Now.AddDays(1));

        Assert.Equal(Now, address.ConfirmedAt);
        Assert.True(address.IsConfirmed);
    }
}
