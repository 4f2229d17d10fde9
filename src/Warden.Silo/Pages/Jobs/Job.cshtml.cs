using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Reviews;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Jobs;

/// <summary>Everything about one job: what was reviewed and why, each decision (who, when, what), its history and its actions.</summary>
[Authorize(Policy = UiPolicies.Reviewer)]
public sealed class JobModel(IGrainFactory grains) : PageModel
{
    public ReviewJobDetails Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Job = await grains.GetGrain<IReviewJobGrain>(id).GetDetails();
        if (Job.Status == JobStatus.None)
        {
            return NotFound();
        }

        return await ReviewerAccess.MaySeeJobAsync(grains, User, Job) ? Page() : Forbid();
    }
}
