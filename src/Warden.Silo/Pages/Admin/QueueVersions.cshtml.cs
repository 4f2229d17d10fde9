using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Queues;
using Warden.Core.Queues;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Admin;

/// <summary>A queue's saved versions (who, when) and the diff between any two of them, the latest change by default.</summary>
[Authorize(Policy = UiPolicies.Lead)]
public sealed class QueueVersionsModel(IGrainFactory grains) : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public IReadOnlyList<ConfigVersionInfo> Versions { get; private set; } = [];

    public int From { get; private set; }

    public int To { get; private set; }

    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int? from, int? to)
    {
        var queue = grains.GetGrain<IQueueGrain>(id);
        Versions = await queue.GetConfigVersions();
        if (Versions.Count == 0)
        {
            return NotFound();
        }

        Id = id;
        var latest = Versions.Max(v => v.Version);
        To = to ?? latest;
        From = from ?? Math.Max(0, To - 1);
        var before = From == 0 ? null : await queue.GetConfigVersion(From);
        var after = await queue.GetConfigVersion(To);
        if (after is null || From != 0 && before is null)
        {
            return NotFound();
        }

        Diff = ConfigDiff.Lines(before is null ? string.Empty : QueueConfigJson.Write(before), QueueConfigJson.Write(after));
        return Page();
    }
}
