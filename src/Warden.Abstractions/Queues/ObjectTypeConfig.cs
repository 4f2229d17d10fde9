namespace Warden.Abstractions.Queues;

/// <summary>
/// An object type the queue reviews (pin, user …), the actions a reviewer may take on it here, and the
/// catalog enforcement each action writes as a human label (an action named like an enforcement writes
/// that one; an action with neither, such as <c>warn</c>, is only dispatched downstream), and the
/// key that picks each action on the review page.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.queues.object-type")]
public sealed record ObjectTypeConfig(
    [property: Id(0)] string Type,
    [property: Id(1)] List<string> Actions,
    [property: Id(2)] Dictionary<string, string>? Enforcements = null,
    [property: Id(3)] Dictionary<string, string>? Hotkeys = null);
