using Verkostamo.Cli;
using Verkostamo.Core.Data;
using Verkostamo.Infrastructure;

namespace Verkostamo;

public sealed class Program
{
    private Program()
    {
    }

    private const string SeedDemoSwitch = "--seed-demo";

    public static async Task<int> Main(string[] args)
    {
        if (CliRunner.IsCommand(args))
        {
            return await CliRunner.RunAsync(args);
        }

        // --seed-demo is a switch, not a configuration key: keep it away from the command-line configuration
        // reader, which would take the next argument as its value.
        var seedDemo = args.Contains(SeedDemoSwitch);
        var builder = WebApplication.CreateBuilder([.. args.Where(a => a != SeedDemoSwitch)]);
        builder.AddVerkostamo(seedDemo);
        var app = builder.Build();
        app.UseVerkostamo();

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (DatabaseStartupException ex)
        {
            // The database is the one dependency the app cannot start without: say which one and why.
            await Console.Error.WriteLineAsync("Verkostamo could not start. " + ex.Message);
            return 2;
        }
    }
}
