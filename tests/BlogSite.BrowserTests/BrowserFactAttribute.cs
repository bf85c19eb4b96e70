namespace BlogSite.BrowserTests;

/// <summary>
/// A browser test. Without Chromium it is skipped on a developer's machine, but in CI (CI=true)
/// it runs and fails, so a missing browser can never pass as green.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath) && !IsCi)
        {
            Skip = $"Chromium is not installed at {BrowserFixture.ChromiumPath} (apt-get install -y chromium).";
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
