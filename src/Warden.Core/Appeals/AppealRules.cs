using Warden.Abstractions.Appeals;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Core.Labels;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Appeals;

/// <summary>
/// What may be appealed and how an outcome is written: an appeal contests the label that makes an
/// entity's enforcement; one appeal per label may be open; a decided appeal is final unless the appeals
/// queue allows a second tier; an overturn is a human label from <see cref="System"/> that every surface
/// selects and that outranks the contested label (full reputation, newer).
/// </summary>
public static class AppealRules
{
    /// <summary>The label source system of appeal outcomes: surfaces always select it.</summary>
    public const string System = "appeals";
    public const string JobReason = "appeal";
    public const string Uphold = "uphold";
    public const string Overturn = "overturn";
    public const int MaxStatementLength = 4000;

    public static IReadOnlyList<FieldError> Validate(AppealRequest? request, CatalogView catalog)
    {
        var errors = new List<FieldError>();
        if (request is null)
        {
            return [new FieldError("Appeal", "is required")];
        }

        TextRules.RequireText(errors, "Statement", request.Statement, MaxStatementLength);
        TextRules.RequireText(errors, "Appellant", request.Appellant, 256);
        if (request.Surface is { } surface && !catalog.TryGetSurface(surface, out _))
        {
            errors.Add(new FieldError("Surface", $"unknown surface '{surface}': use {string.Join(", ", catalog.SurfaceNames)}"));
        }

        return errors;
    }

    /// <summary>The label an appeal contests: the winner on <paramref name="surface"/>, else the most severe winner anywhere.</summary>
    public static (Label? Contested, FieldError? Error) Contested(string entity, IReadOnlyList<EnforcementDecision> decisions, string? surface, CatalogView catalog)
    {
        var enforced = decisions
            .Where(d => surface is null || d.Surface == surface)
            .Where(d => d.Winner is not null && d.Enforcement != catalog.Mildest)
            .OrderByDescending(d => catalog.Severity(d.Enforcement))
            .FirstOrDefault();
        return enforced is null
            ? (null, new FieldError("Entity", $"nothing to appeal: {entity} is not enforced{(surface is null ? string.Empty : " on " + surface)}"))
            : (enforced.Winner, null);
    }

    /// <summary>The tier a new appeal of <paramref name="contested"/> would have, or why it may not be filed.</summary>
    public static (int Tier, FieldError? Error) Tier(IReadOnlyList<AppealRecord> appeals, Label contested, bool allowSecondTier)
    {
        var same = appeals.Where(a => a.Contested.Source == contested.Source && a.Contested.CreatedAt == contested.CreatedAt && a.Contested.Enforcement == contested.Enforcement).ToList();
        if (same.FirstOrDefault(a => a.Status == AppealStatus.Open) is { } open)
        {
            return (0, new FieldError("Appeal", $"appeal {open.Id} of this enforcement is open already"));
        }

        var decided = same.OrderByDescending(a => a.Tier).FirstOrDefault();
        if (decided is null)
        {
            return (1, null);
        }

        return allowSecondTier && decided.Tier == 1
            ? (2, null)
            : (0, new FieldError("Appeal", $"appeal {decided.Id} decided this enforcement on {decided.DecidedAt:yyyy-MM-dd} ({decided.Status.ToString().ToLowerInvariant()}) and it is final"
                + (decided.Tier == 1 ? ": this appeals queue has no second tier" : " after the second tier")));
    }

    /// <summary>The reviewer's outcome for the appealed entity: <see cref="Uphold"/>, <see cref="Overturn"/>, or null if neither was chosen.</summary>
    public static string? Outcome(ReviewDecision final) =>
        final.Actions.FirstOrDefault(a => a.Object == "item" && a.Action is Uphold or Overturn)?.Action;

    /// <summary>The human label that lifts the contested enforcement: the mildest enforcement, same policy, from the appeals system.</summary>
    public static Label OverturnLabel(AppealRecord appeal, string queue, string mildest, DateTimeOffset now) => new()
    {
        Source = new LabelSource(System, SourceKind.Human, queue),
        Enforcement = mildest,
        Policy = appeal.Contested.Policy,
        CreatedAt = now,
        Evidence = $"appeal {appeal.Id} overturned {appeal.Contested.Source.Key} ({appeal.Contested.Enforcement})",
    };
}
