using Verkostamo.Cli;
using Verkostamo.Core.Data;
using Verkostamo.Infrastructure;

namespace Verkostamo;

public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        if (CliRunner.IsCommand(args))
        {
            return await CliRunner.RunAsync(args);
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.AddVerkostamo(args);
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
