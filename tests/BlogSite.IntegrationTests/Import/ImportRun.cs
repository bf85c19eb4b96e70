using BlogSite.Accounts;
using BlogSite.Import;

namespace BlogSite.IntegrationTests.Import;

/// <summary>`import …` run in-process against a factory's store, with the fixtures the unit tests read.</summary>
internal static class ImportRun
{
    public static string Fixture(string name) => Path.Combine(BlogFactory.RepositoryRoot, "tests", "BlogSite.Tests", "Import", "Fixtures", name);

    public static async Task<(int? Code, string Output, string Errors)> RunAsync(BlogFactory factory, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ImportCli.TryRunAsync(["import", .. args], factory.Services, new CliConsole(output, errors, () => ""));
        return (code, output.ToString(), errors.ToString());
    }
}
