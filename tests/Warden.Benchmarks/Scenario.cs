namespace Warden.Benchmarks;

/// <summary>
/// A named load: the operation each worker repeats, with how many workers run it at once. An operation
/// may stand for several items (a batch read of 100 entities), and rates are counted in items.
/// </summary>
public sealed record Scenario(string Name, string Unit, int Concurrency, Func<int, long, Task> Operation, Func<Task>? Prepare = null, int ItemsPerOperation = 1);
