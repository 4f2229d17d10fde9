using Warden.Abstractions.Queues;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Queues;

/// <summary>Lists every problem with a queue config a team lead saves, each naming its field.</summary>
public static class QueueConfigValidator
{
    public static readonly IReadOnlySet<string> WidgetKinds = new HashSet<string> { "image", "text", "fields", "reports", "scores", "enforcement" };
    public static IReadOnlySet<string> WidgetObjects => Reviews.EnqueueValidator.Roles;
    public static readonly IReadOnlySet<string> ReportVisibilities = new HashSet<string> { "hidden", "counts", "full" };
    public const int MaxReviewers = 10;

    /// <param name="knownPolicies">The policy catalog's policies, when the caller has it: cited policies must exist.</param>
    /// <param name="knownEnforcements">The catalog's enforcements, when the caller has it: mapped enforcements must exist.</param>
    public static IReadOnlyList<FieldError> Validate(QueueConfig config, IReadOnlySet<string>? knownPolicies = null, IReadOnlySet<string>? knownEnforcements = null)
    {
        var errors = new List<FieldError>();
        Name(errors, "Id", config.Id);
        if (config.ObjectTypes.Count == 0)
        {
            errors.Add(new FieldError("ObjectTypes", "must name at least one object type"));
        }

        Unique(errors, "ObjectTypes", config.ObjectTypes.Select(o => o.Type));
        foreach (var type in config.ObjectTypes)
        {
            Name(errors, "ObjectTypes", type.Type);
            if (type.Actions.Count == 0)
            {
                errors.Add(new FieldError($"ObjectTypes[{type.Type}].Actions", "must allow at least one action"));
            }

            type.Actions.Where(a => !TextRules.IsName(a)).ToList().ForEach(a => errors.Add(new FieldError($"ObjectTypes[{type.Type}].Actions", $"'{a}' is not a name")));
            Unique(errors, $"ObjectTypes[{type.Type}].Actions", type.Actions);
            foreach (var (action, enforcement) in type.Enforcements ?? new Dictionary<string, string>())
            {
                if (!type.Actions.Contains(action))
                {
                    errors.Add(new FieldError($"ObjectTypes[{type.Type}].Enforcements", $"'{action}' is not one of this type's actions"));
                }

                if (!TextRules.IsName(enforcement) || knownEnforcements is not null && !knownEnforcements.Contains(enforcement))
                {
                    errors.Add(new FieldError($"ObjectTypes[{type.Type}].Enforcements", $"unknown enforcement '{enforcement}' for '{action}'"));
                }
            }
        }

        CheckLabels(errors, config);
        config.Policies.Where(p => !TextRules.IsName(p)).ToList().ForEach(p => errors.Add(new FieldError("Policies", $"'{p}' is not a name")));
        Unique(errors, "Policies", config.Policies);
        if (knownPolicies is not null)
        {
            config.Policies.Where(p => !knownPolicies.Contains(p)).ToList().ForEach(p => errors.Add(new FieldError("Policies", $"unknown policy '{p}'")));
        }

        CheckHotkeys(errors, config);
        CheckTemplate(errors, config);
        if (config.TargetHandlingTime <= TimeSpan.Zero)
        {
            errors.Add(new FieldError("TargetHandlingTime", "must be positive"));
        }

        CheckMultiReview(errors, config);
        foreach (var target in config.PassTo)
        {
            CheckTarget(errors, "PassTo", target, config.Id);
        }

        if (config.EscalationQueue is not null)
        {
            CheckTarget(errors, "EscalationQueue", config.EscalationQueue, config.Id);
        }

        if (!ReportVisibilities.Contains(config.ReportVisibility))
        {
            errors.Add(new FieldError("ReportVisibility", $"must be one of {string.Join(", ", ReportVisibilities)}, not '{config.ReportVisibility}'"));
        }

        if (config.LeaseDuration < TimeSpan.FromSeconds(2) || config.LeaseDuration > TimeSpan.FromHours(4))
        {
            errors.Add(new FieldError("LeaseDuration", $"must be between 2 seconds and 4 hours, not {config.LeaseDuration}"));
        }

        if (config.GoldenRate is < 0 or > 1 || double.IsNaN(config.GoldenRate))
        {
            errors.Add(new FieldError("GoldenRate", $"must be between 0 and 1, not {config.GoldenRate}"));
        }

        if (config.EscalateOnSlaBreach && config.EscalationQueue is null)
        {
            errors.Add(new FieldError("EscalateOnSlaBreach", "needs an EscalationQueue"));
        }

        if (config.Name is not null)
        {
            TextRules.RequireText(errors, "Name", config.Name, 128);
        }

        if (config.ReviewerGroups.Count == 0)
        {
            errors.Add(new FieldError("ReviewerGroups", "must name at least one group allowed to review"));
        }

        config.ReviewerGroups.Concat(config.QueueGroups).Where(g => !IsGroup(g)).ToList().ForEach(g => errors.Add(new FieldError("ReviewerGroups", $"'{g}' is not a group name")));
        return errors;
    }

    private static void CheckLabels(List<FieldError> errors, QueueConfig config)
    {
        foreach (var label in config.Labels)
        {
            TextRules.RequireText(errors, "Labels", label.Name, 64);
            if (!IsHotkey(label.Hotkey))
            {
                errors.Add(new FieldError($"Labels[{label.Name}].Hotkey", $"'{label.Hotkey}' is not a hotkey: use a letter, a digit or F1..F12"));
            }
        }

        Unique(errors, "Labels", config.Labels.Select(l => l.Name));
        if (config.LabelSelection == SelectionMode.Single && config.Labels.Count(l => l.Mandatory) > 1)
        {
            errors.Add(new FieldError("Labels", "with single selection at most one label can be mandatory"));
        }
    }

    /// <summary>
    /// Action and policy keys must name what they pick; keys on the page (labels, actions, policies) must
    /// differ, so one key press means one thing — except one action's key shared by several object types.
    /// </summary>
    private static void CheckHotkeys(List<FieldError> errors, QueueConfig config)
    {
        var keys = config.Labels.Select(l => (Key: l.Hotkey, Use: $"label '{l.Name}'", Meaning: "label:" + l.Name)).ToList();
        foreach (var type in config.ObjectTypes)
        {
            foreach (var (action, key) in type.Hotkeys ?? new Dictionary<string, string>())
            {
                CheckKey(errors, $"ObjectTypes[{type.Type}].Hotkeys", key, type.Actions.Contains(action) ? null : $"'{action}' is not one of this type's actions");
                keys.Add((key, $"{type.Type} action '{action}'", "action:" + action));
            }
        }

        foreach (var (policy, key) in config.PolicyHotkeys ?? new Dictionary<string, string>())
        {
            CheckKey(errors, "PolicyHotkeys", key, config.Policies.Contains(policy) ? null : $"'{policy}' is not one of the queue's policies");
            keys.Add((key, $"policy '{policy}'", "policy:" + policy));
        }

        // One action may share its key across types (uphold is u on pins and users): the page gives it to the first object that has it.
        foreach (var clash in keys.Where(k => k.Key is not null).GroupBy(k => k.Key.ToLowerInvariant()).Where(g => g.Select(k => k.Meaning).Distinct().Count() > 1))
        {
            errors.Add(new FieldError("Hotkeys", $"'{clash.Key}' is the key of {string.Join(" and ", clash.Select(k => k.Use))}"));
        }
    }

    private static void CheckKey(List<FieldError> errors, string field, string key, string? unknownTarget)
    {
        if (unknownTarget is not null)
        {
            errors.Add(new FieldError(field, unknownTarget));
        }

        if (!IsHotkey(key))
        {
            errors.Add(new FieldError(field, $"'{key}' is not a hotkey: use a letter, a digit or F1..F12"));
        }
    }

    private static void CheckTemplate(List<FieldError> errors, QueueConfig config)
    {
        if (config.Template.Count == 0)
        {
            errors.Add(new FieldError("Template", "must have at least one widget"));
        }

        foreach (var widget in config.Template)
        {
            if (!WidgetKinds.Contains(widget.Kind))
            {
                errors.Add(new FieldError("Template", $"unknown widget '{widget.Kind}': use {string.Join(", ", WidgetKinds)}"));
            }

            if (!WidgetObjects.Contains(widget.Object))
            {
                errors.Add(new FieldError("Template", $"unknown object '{widget.Object}': use {string.Join(", ", WidgetObjects)}"));
            }
        }
    }

    private static void CheckMultiReview(List<FieldError> errors, QueueConfig config)
    {
        var review = config.MultiReview;
        if (review.Reviewers is < 1 or > MaxReviewers)
        {
            errors.Add(new FieldError("MultiReview.Reviewers", $"must be between 1 and {MaxReviewers}, not {review.Reviewers}"));
        }

        if (review.Rule == ConsensusRule.KOfN && (review.K < 1 || review.K > review.Reviewers))
        {
            errors.Add(new FieldError("MultiReview.K", $"must be between 1 and Reviewers ({review.Reviewers}), not {review.K}"));
        }

        if (review.Reviewers > 1 && review.OnDisagreement == DisagreementAction.Escalate && string.IsNullOrEmpty(review.DisagreementQueue))
        {
            errors.Add(new FieldError("MultiReview.DisagreementQueue", "is required when disagreement escalates"));
        }

        if (review.OnDisagreement == DisagreementAction.AddReviewer && (review.MaxReviewers <= review.Reviewers || review.MaxReviewers > MaxReviewers))
        {
            errors.Add(new FieldError("MultiReview.MaxReviewers", $"must be above Reviewers ({review.Reviewers}) and at most {MaxReviewers} when disagreement adds a reviewer"));
        }
    }

    private static void CheckTarget(List<FieldError> errors, string field, string target, string self)
    {
        if (!TextRules.IsName(target))
        {
            errors.Add(new FieldError(field, $"'{target}' is not a queue id"));
        }
        else if (target == self)
        {
            errors.Add(new FieldError(field, "a queue cannot send jobs to itself"));
        }
    }

    private static void Name(List<FieldError> errors, string field, string? value)
    {
        if (!TextRules.IsName(value))
        {
            errors.Add(new FieldError(field, $"'{value}' is not a name: lower-case letters, digits, _ and -, starting with a letter"));
        }
    }

    private static void Unique(List<FieldError> errors, string field, IEnumerable<string> values)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldError(field, $"'{duplicate.Key}' appears {duplicate.Count()} times"));
        }
    }

    private static bool IsHotkey(string? key) =>
        key is { Length: 1 } && char.IsAsciiLetterOrDigit(key[0])
        || key is ['F' or 'f', .. var number] && int.TryParse(number, out var n) && n is >= 1 and <= 12;

    private static bool IsGroup(string group) => TextRules.IsName(group.Replace('/', '-'));
}
