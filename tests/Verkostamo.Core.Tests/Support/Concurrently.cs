namespace Verkostamo.Core.Tests.Support;

/// <summary>
/// Runs operations on pool threads released together, so their reads and writes overlap as they would
/// for two people pressing the button at once. SQLite's calls complete synchronously: merely starting
/// them one after another would run them in turn and hide a race.
/// </summary>
public static class Concurrently
{
    public static async Task<T[]> RunAsync<T>(params Func<Task<T>>[] operations)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = operations.Select(operation => Task.Run(async () =>
        {
            await gate.Task;
            return await operation();
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}
