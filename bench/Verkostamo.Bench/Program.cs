using BenchmarkDotNet.Running;

namespace Verkostamo.Bench;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks chosen by BenchmarkDotNet's own arguments, for example
    /// <c>dotnet run -c Release --project bench/Verkostamo.Bench -- --filter '*'</c>.
    /// </summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
