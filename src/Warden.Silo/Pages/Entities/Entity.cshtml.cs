using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Reviews;
using Warden.Core.Labels;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Entities;

/// <summary>
/// An entity's whole story: its live and held labels, every label change, the review decisions on jobs that
/// held it, and for each surface the enforcement with the resolver's ranking ("why is this enforced here?").
/// </summary>
[Authorize(Policy = UiPolicies.Reviewer)]
public sealed class EntityModel(IGrainFactory grains) : PageModel
{
    public const int HistoryLimit = 200;

    public string Entity { get; private set; } = string.Empty;

    public EntityLabels Labels { get; private set; } = null!;

    public IReadOnlyList<LabelChange> Changes { get; private set; } = [];

    public IReadOnlyList<DecisionRecord> Decisions { get; private set; } = [];

    public IReadOnlyList<EnforcementDecision> Enforcements { get; private set; } = [];

    public IReadOnlyList<Abstractions.Appeals.AppealRecord> Appeals { get; private set; } = [];

    /// <summary>For a user: their strikes and the account enforcement they earn.</summary>
    public Abstractions.Strikes.StrikeSummary? Strikes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entity)
    {
        var catalog = await grains.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey).Get();
        if (EntityKey.Validate(entity, new CatalogView(catalog)) is [var error, ..])
        {
            return BadRequest(error.Message);
        }

        Entity = entity;
        var grain = grains.GetGrain<IEntityGrain>(entity);
        Labels = await grain.GetLabels();
        Changes = await grain.GetHistory(HistoryLimit);
        Decisions = await grains.GetGrain<IDecisionHistoryGrain>(0).ForEntity(entity, HistoryLimit);
        Enforcements = await grain.GetEnforcements();
        Appeals = await grains.GetGrain<Abstractions.Appeals.IAppealsGrain>(entity).List();
        Strikes = entity.StartsWith("user:", StringComparison.Ordinal) ? await grains.GetGrain<Abstractions.Strikes.IStrikesGrain>(entity).Get() : null;
        return Page();
    }
}
