namespace Warden.Benchmarks;

/// <summary>A named load: the operation each worker repeats, with how many workers run it at once.</summary>
public sealed record Scenario(string Name, string Unit, int Concurrency, Func<int, long, Task> Operation, Func<Task>? Prepare = null);
