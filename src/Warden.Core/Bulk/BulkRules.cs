using Warden.Abstractions.Bulk;
using Warden.Abstractions.Labels;
using Warden.Core.Labels;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Bulk;

/// <summary>
/// Checks bulk queries and actions, and builds what an operation writes: a human label whose source names
/// the operation (<c>human/bulk/&lt;id&gt;</c>), so undoing it is removing exactly that source's label.
/// </summary>
public static class BulkRules
{
    public const string System = "bulk";
    public static readonly IReadOnlySet<string> Origins = new HashSet<string> { "labels", "history", "decisions" };
    public const int MaxParallelism = 256;

    public static IReadOnlyList<FieldError> Validate(BulkQuery? query, CatalogView catalog)
    {
        if (query is null)
        {
            return [new FieldError("Query", "is required")];
        }

        var errors = new List<FieldError>();
        if (!Origins.Contains(query.Origin))
        {
            errors.Add(new FieldError("Query.Origin", $"'{query.Origin}' is not one of {string.Join(", ", Origins)}"));
        }

        if (query.Policy is { } policy && !catalog.IsPolicy(policy))
        {
            errors.Add(new FieldError("Query.Policy", $"unknown policy '{policy}'"));
        }

        if (query.Enforcement is { } enforcement && !catalog.TryGetSeverity(enforcement, out _))
        {
            errors.Add(new FieldError("Query.Enforcement", $"unknown enforcement '{enforcement}'"));
        }

        if (query.EntityType is { } type && !catalog.IsEntityType(type))
        {
            errors.Add(new FieldError("Query.EntityType", $"unknown entity type '{type}'"));
        }

        if (query.From is { } from && query.To is { } to && from >= to)
        {
            errors.Add(new FieldError("Query.To", "must be after From"));
        }

        if (query.Source is { } source && (source.Length is 0 or > 300 || source.IndexOf('*') is var star && star >= 0 && star != source.Length - 1))
        {
            errors.Add(new FieldError("Query.Source", $"'{source}' is not a source key or a prefix ending in *"));
        }

        if (query.Queue is not null && query.Origin != "decisions")
        {
            errors.Add(new FieldError("Query.Queue", "only applies to decisions"));
        }

        if (query.Enforcement is not null && query.Origin == "decisions")
        {
            errors.Add(new FieldError("Query.Enforcement", "does not apply to decisions: filter them by Queue and Policy"));
        }

        if (query.Source is null && query.Policy is null && query.Enforcement is null && query.Queue is null && query.From is null)
        {
            errors.Add(new FieldError("Query", "name at least one of Source, Policy, Enforcement, Queue or From: a bulk operation never matches everything by default"));
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(BulkRequest request, CatalogView catalog)
    {
        var errors = Validate(request.Query, catalog).ToList();
        var action = request.Action;
        TextRules.RequireText(errors, "Action.Reason", action?.Reason, 1000);
        TextRules.RequireActor(errors, request.Actor);
        if (request.Parallelism is < 1 or > MaxParallelism)
        {
            errors.Add(new FieldError("Parallelism", $"must be between 1 and {MaxParallelism}, not {request.Parallelism}"));
        }

        switch (action?.Kind)
        {
            case "label":
                if (action.Enforcement is null || !catalog.TryGetSeverity(action.Enforcement, out _))
                {
                    errors.Add(new FieldError("Action.Enforcement", $"unknown enforcement '{action.Enforcement}'"));
                }

                if (action.Policy is null || !catalog.IsPolicy(action.Policy))
                {
                    errors.Add(new FieldError("Action.Policy", $"unknown policy '{action.Policy}'"));
                }

                break;
            case "remove":
                if (action.RemoveSource is null || ParseSource(action.RemoveSource) is null)
                {
                    errors.Add(new FieldError("Action.RemoveSource", "name the source key whose label to remove, e.g. automated/spam-model/v7"));
                }

                break;
            default:
                errors.Add(new FieldError("Action.Kind", $"'{action?.Kind}' is not one of label, remove"));
                break;
        }

        return errors;
    }

    public static LabelSource SourceFor(string operationId) => new(System, SourceKind.Human, operationId);

    public static Label LabelFor(string operationId, BulkAction action, DateTimeOffset now) => new()
    {
        Source = SourceFor(operationId),
        Enforcement = action.Enforcement!,
        Policy = action.Policy!,
        CreatedAt = now,
        Evidence = $"bulk {operationId}: {action.Reason}",
    };

    /// <summary>The source key of <paramref name="text"/> (<c>kind/system/name</c>), or null when it is not one.</summary>
    public static LabelSource? ParseSource(string text) => text.Split('/', 3) switch
    {
        ["human", var system, var name] => new LabelSource(system, SourceKind.Human, name),
        ["automated", var system, var name] => new LabelSource(system, SourceKind.Automated, name),
        _ => null,
    };
}
