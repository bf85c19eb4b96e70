using System.Net;
using BlogSite.Web;

namespace BlogSite.Tests.Web;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void KeyOf_Address_IsTheAddressOrItsIpv6Network(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void KeyOf_NoAddress_IsUnknown() => Assert.Equal("unknown", ClientAddress.KeyOf(null));

    [Fact]
    public void KeyOf_TwoAddressesInOneIpv6Network_AreOneKey() =>
        Assert.Equal(ClientAddress.KeyOf(IPAddress.Parse("2001:db8::1")), ClientAddress.KeyOf(IPAddress.Parse("2001:db8::ffff:1")));
}
