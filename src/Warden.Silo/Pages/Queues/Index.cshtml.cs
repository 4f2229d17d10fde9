using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Queues;

/// <summary>The queues the reviewer may work, with live numbers (the page polls <c>/ui/queues.json</c>).</summary>
[Authorize(Policy = UiPolicies.Reviewer)]
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<UiEndpoints.QueueRow> Queues { get; private set; } = [];

    /// <summary>For leads and admins: jobs reviewers put on hold in these queues, oldest first.</summary>
    public IReadOnlyList<(string Queue, Abstractions.Queues.HeldJob Job)> Held { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Queues = await UiEndpoints.QueuesForAsync(User, grains);
        if (ReviewerAccess.MayAdminister(User))
        {
            var held = await Task.WhenAll(Queues.Where(q => q.OnHold > 0).Select(async q =>
                (await grains.GetGrain<Abstractions.Queues.IQueueGrain>(q.Id).GetHeld()).Select(h => (q.Id, h))));
            Held = [.. held.SelectMany(h => h).OrderBy(h => h.h.HeldAt)];
        }
    }

    public static string Age(double seconds) => seconds switch
    {
        < 1 => "—",
        < 120 => $"{seconds:0} s",
        < 7200 => $"{seconds / 60:0} min",
        _ => $"{seconds / 3600:0.#} h",
    };
}
