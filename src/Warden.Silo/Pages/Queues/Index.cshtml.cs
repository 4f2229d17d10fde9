using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Silo.Ui;

namespace Warden.Silo.Pages.Queues;

/// <summary>The queues the reviewer may work, with live numbers (the page polls <c>/ui/queues.json</c>).</summary>
[Authorize(Policy = UiPolicies.Reviewer)]
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<UiEndpoints.QueueRow> Queues { get; private set; } = [];

    public async Task OnGetAsync() => Queues = await UiEndpoints.QueuesForAsync(User, grains);

    public static string Age(double seconds) => seconds switch
    {
        < 1 => "—",
        < 120 => $"{seconds:0} s",
        < 7200 => $"{seconds / 60:0} min",
        _ => $"{seconds / 3600:0.#} h",
    };
}
