using Warden.Abstractions.Queues;

namespace Warden.Core.Reviews;

/// <summary>Which catalog enforcement, if any, a reviewer's action writes as a human label.</summary>
public static class ActionEnforcements
{
    /// <summary>
    /// The config's mapping for the action, else the action's own name when the catalog has an enforcement
    /// of that name, else null: the action is only dispatched downstream.
    /// </summary>
    public static string? For(QueueConfig config, string objectType, string action, Func<string, bool> isEnforcement)
    {
        var type = config.ObjectTypes.FirstOrDefault(t => t.Type == objectType);
        if (type?.Enforcements is { } map && map.TryGetValue(action, out var mapped))
        {
            return mapped;
        }

        return isEnforcement(action) ? action : null;
    }

    /// <summary>The policy a decision's labels cite: the first cited, or the queue's only policy.</summary>
    public static string? PolicyOf(QueueConfig config, ReviewDecision decision) =>
        decision.Policies.FirstOrDefault() ?? (config.Policies.Count == 1 ? config.Policies[0] : null);
}
