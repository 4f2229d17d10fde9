namespace Warden.Abstractions.Actions;

/// <summary>Actions whose every delivery attempt failed (key <c>default</c>), for operators to see and retry.</summary>
[Alias("warden.actions.dead-letter")]
public interface IActionDeadLetterGrain : IGrainWithStringKey
{
    /// <summary>The cluster has one; this is its key.</summary>
    const string DefaultKey = "default";

    [Alias("add")]
    Task Add(ActionDelivery delivery);

    /// <summary>Oldest first, <paramref name="take"/> at most 500.</summary>
    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<ActionDelivery>> List(int skip, int take);

    /// <summary>Sends the action through its job again; false when the key is not dead-lettered.</summary>
    [Alias("retry")]
    Task<bool> Retry(string idempotencyKey);
}
