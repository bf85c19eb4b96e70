using BenchmarkDotNet.Running;
using BlogSite.Benchmarks.Ceiling;
using BlogSite.Benchmarks.Scale;

namespace BlogSite.Benchmarks;

internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["generate-store", .. var rest])
        {
            return await StoreGenerator.RunAsync(rest);
        }

        if (args is ["ceiling", .. var page])
        {
            return await CeilingServer.RunAsync(page);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
