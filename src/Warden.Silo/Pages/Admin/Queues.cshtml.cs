using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Queues;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Admin;

/// <summary>Every queue, for leads and admins: edit, versions, and a new queue.</summary>
[Authorize(Policy = UiPolicies.Lead)]
public sealed class QueuesModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<QueueSummary> Queues { get; private set; } = [];

    public async Task OnGetAsync() =>
        Queues = [.. (await grains.GetGrain<IQueueDirectoryGrain>(IQueueDirectoryGrain.DefaultKey).List()).OrderBy(q => q.Id, StringComparer.Ordinal)];
}
