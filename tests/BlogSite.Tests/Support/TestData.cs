namespace BlogSite.Tests.Support;

/// <summary>Finds the shared test data that sits beside the repository clone (…/shared/testdata).</summary>
internal static class TestData
{
    public static string Folder { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find a 'shared/testdata' folder in {AppContext.BaseDirectory} or any folder above it. " +
            "The shared/ folder must sit beside the repository clone (e.g. /work/shared next to /work/main).");
    }
}
