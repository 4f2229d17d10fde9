using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Queues;

namespace Warden.Core.Reviews;

/// <summary>Turns a job's final decision into the human labels it writes, one per object acted on.</summary>
public static class HumanLabels
{
    public const string System = "warden-review";

    /// <summary>The source of every label a queue's reviewers write: one live label per entity and queue.</summary>
    public static LabelSource SourceFor(string queue) => new(System, SourceKind.Human, queue);

    public static IReadOnlyList<(string Entity, Label Label)> For(
        string jobId, string queue, QueueConfig config, ReviewDecision final, IReadOnlyList<ReviewObject> objects, Func<string, bool> isEnforcement)
    {
        var policy = ActionEnforcements.PolicyOf(config, final);
        if (policy is null)
        {
            return [];
        }

        var labels = new List<(string, Label)>();
        foreach (var action in final.Actions)
        {
            var target = objects.FirstOrDefault(o => o.Role == action.Object);
            var enforcement = target is null ? null : ActionEnforcements.For(config, target.Type, action.Action, isEnforcement);
            if (target is null || enforcement is null)
            {
                continue;
            }

            labels.Add((target.Entity, new Label
            {
                Source = SourceFor(queue),
                Enforcement = enforcement,
                Policy = policy,
                CreatedAt = final.DecidedAt,
                Evidence = Evidence(jobId, final, action),
            }));
        }

        return labels;
    }

    private static string Evidence(string jobId, ReviewDecision final, ObjectAction action)
    {
        var text = $"job {jobId}: {action.Action} by {final.Reviewer}";
        if (final.Labels.Count > 0)
        {
            text += $" [{string.Join(", ", final.Labels)}]";
        }

        return text.Length <= 1024 ? text : text[..1024];
    }
}
