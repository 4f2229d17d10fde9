using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Reviews;

/// <summary>Checks a decision against the queue config version it is made under, naming every problem.</summary>
public static class DecisionValidator
{
    public const int MaxNoteLength = 4000;

    /// <param name="jobObjects">The objects under review in this job, by role.</param>
    /// <param name="isEnforcement">Whether a name is a catalog enforcement: decisions that write labels must cite a policy.</param>
    public static IReadOnlyList<FieldError> Validate(
        QueueConfig config, ReviewDecision decision, IReadOnlyCollection<ReviewObject> jobObjects, Func<string, bool>? isEnforcement = null)
    {
        var errors = new List<FieldError>();
        TextRules.RequireText(errors, "Reviewer", decision.Reviewer, 256);
        if (decision.Actions.Count == 0)
        {
            errors.Add(new FieldError("Actions", "choose at least one action"));
        }

        foreach (var action in decision.Actions)
        {
            var target = jobObjects.FirstOrDefault(o => o.Role == action.Object);
            var type = target is null ? null : config.ObjectTypes.FirstOrDefault(t => t.Type == target.Type);
            if (target is null)
            {
                errors.Add(new FieldError("Actions", $"this job has no {action.Object} to act on (it has {string.Join(", ", jobObjects.Select(o => o.Role))})"));
            }
            else if (type is null || !type.Actions.Contains(action.Action))
            {
                errors.Add(new FieldError("Actions", $"'{action.Action}' is not allowed on {target.Type} in queue {config.Id} (allowed: {string.Join(", ", type?.Actions ?? [])})"));
            }
        }

        foreach (var duplicate in decision.Actions.GroupBy(a => a.Object).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldError("Actions", $"one action per object: {duplicate.Key} has {duplicate.Count()}"));
        }

        var labels = config.Labels.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        decision.Labels.Where(l => !labels.Contains(l)).ToList().ForEach(l => errors.Add(new FieldError("Labels", $"unknown label '{l}'")));
        config.Labels.Where(l => l.Mandatory && !decision.Labels.Contains(l.Name)).ToList().ForEach(l => errors.Add(new FieldError("Labels", $"'{l.Name}' is mandatory")));
        if (config.LabelSelection == SelectionMode.Single && decision.Labels.Count > 1)
        {
            errors.Add(new FieldError("Labels", $"choose one label, not {decision.Labels.Count}"));
        }

        decision.Policies.Where(p => !config.Policies.Contains(p)).ToList().ForEach(p => errors.Add(new FieldError("Policies", $"policy '{p}' cannot be cited in queue {config.Id}")));
        if (config.PolicySelection == SelectionMode.Single && decision.Policies.Count > 1)
        {
            errors.Add(new FieldError("Policies", $"cite one policy, not {decision.Policies.Count}"));
        }

        var writesLabels = decision.Actions.Any(a =>
            jobObjects.FirstOrDefault(o => o.Role == a.Object) is { } target
            && ActionEnforcements.For(config, target.Type, a.Action, isEnforcement ?? (_ => false)) is not null);
        if (writesLabels && ActionEnforcements.PolicyOf(config, decision) is null)
        {
            errors.Add(new FieldError("Policies", "cite the policy this decision enforces"));
        }

        if (decision.Note is not null)
        {
            TextRules.CheckText(errors, "Note", decision.Note, MaxNoteLength);
        }

        return errors;
    }
}
