using System.Runtime.CompilerServices;

namespace BlogSite.IntegrationTests;

internal static class TestEnvironment
{
    /// <summary>
    /// Hundreds of app hosts start in one test process, each watching its settings files and wwwroot (for
    /// asp-append-version) with inotify by default, and Linux allows 128 inotify instances a user. Settings
    /// never change while a test host runs, and static files are watched by polling instead.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialise()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
