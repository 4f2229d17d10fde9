using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Silo.Ui;
using Warden.Abstractions.Validation;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Review;

/// <summary>
/// The review page of one queue: leases the reviewer's next job and renders it from the queue's template;
/// a decision, pass or escalation is posted here and answered with the next job. The page's script keeps
/// the lease renewed and releases it when the reviewer leaves.
/// </summary>
[Authorize(Policy = UiPolicies.Reviewer)]
public sealed class WorkModel(IGrainFactory grains) : PageModel
{
    public QueueConfig Config { get; private set; } = null!;

    public string? JobId { get; private set; }

    public string? Token { get; private set; }

    public ReviewJobDetails? Job { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>What the reviewer had chosen, kept when a decision is refused.</summary>
    public IFormCollection? Posted { get; private set; }

    public bool Kitty => Config.KittyModeAllowed && KittyMode.IsOn(Request);

    /// <summary>The job the reviewer still holds (<paramref name="job"/> with its live token), else the next one.</summary>
    public async Task<IActionResult> OnGetAsync(string queue, string? job, string? token)
    {
        if (await AuthorizeAsync(queue) is { } refused)
        {
            return refused;
        }

        var grain = grains.GetGrain<IQueueGrain>(queue);
        if (job is not null && token is not null && (await grain.Renew(job, token)).Errors.Count == 0)
        {
            await ShowAsync(job, token, []);
            return Page();
        }

        var lease = await grain.LeaseNext(ReviewerAccess.Of(User));
        if (lease is not null)
        {
            await ShowAsync(lease.JobId, lease.Token, []);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(string queue, string job, string token)
    {
        var form = Request.Form;
        var decision = new ReviewDecision
        {
            Reviewer = User.Identity!.Name!,
            Actions = [.. form.Keys.Where(k => k.StartsWith("action:", StringComparison.Ordinal) && !string.IsNullOrEmpty(form[k]))
                .Select(k => new ObjectAction(k["action:".Length..], form[k].ToString()))],
            Labels = [.. form["label"].OfType<string>()],
            Policies = [.. form["policy"].OfType<string>()],
            Note = string.IsNullOrWhiteSpace(form["note"]) ? null : form["note"].ToString(),
        };
        return await ActAsync(queue, job, token, q => q.Decide(job, token, decision));
    }

    public Task<IActionResult> OnPostPassAsync(string queue, string job, string token, string? target, string? reason) =>
        ActAsync(queue, job, token, q => q.Pass(job, token, target ?? string.Empty, reason ?? string.Empty));

    public Task<IActionResult> OnPostHoldAsync(string queue, string job, string token, string? reason) =>
        ActAsync(queue, job, token, q => q.Hold(job, token, reason ?? string.Empty));

    /// <summary>A lead takes over a job a reviewer put on hold and works it here with their own lease.</summary>
    public async Task<IActionResult> OnPostTakeOverAsync(string queue, string job)
    {
        if (await AuthorizeAsync(queue) is { } refused)
        {
            return refused;
        }

        if (!ReviewerAccess.MayAdminister(User))
        {
            return Forbid();
        }

        var lease = await grains.GetGrain<IQueueGrain>(queue).TakeOver(job, ReviewerAccess.Of(User));
        return lease is null ? RedirectToPage("/Queues/Index") : RedirectToPage(new { queue, job = lease.JobId, token = lease.Token });
    }

    public Task<IActionResult> OnPostEscalateAsync(string queue, string job, string token, string? reason) =>
        ActAsync(queue, job, token, q => q.Escalate(job, token, reason ?? string.Empty));

    public async Task<IActionResult> OnPostRenewAsync(string queue, string job, string token)
    {
        if (await AuthorizeAsync(queue) is { } refused)
        {
            return refused;
        }

        var result = await grains.GetGrain<IQueueGrain>(queue).Renew(job, token);
        return result.Errors.Count == 0 ? new NoContentResult() : new ConflictObjectResult(result.Errors[0].Message);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string queue, string job, string token)
    {
        if (await AuthorizeAsync(queue) is { } refused)
        {
            return refused;
        }

        await grains.GetGrain<IQueueGrain>(queue).Release(job, token);
        return new NoContentResult();
    }

    /// <summary>Switches kitty mode and comes back to the same job, still leased.</summary>
    public IActionResult OnPostKitty(string queue, bool on, string? job, string? token)
    {
        KittyMode.Set(Response, on);
        return RedirectToPage(new { queue, job, token });
    }

    /// <summary>Applies a decision, pass or escalation; on success the next job, else the same job with every reason.</summary>
    private async Task<IActionResult> ActAsync(string queue, string job, string token, Func<IQueueGrain, Task<JobStepResult>> act)
    {
        if (await AuthorizeAsync(queue) is { } refused)
        {
            return refused;
        }

        var result = await act(grains.GetGrain<IQueueGrain>(queue));
        if (result.Errors.Count == 0)
        {
            return RedirectToPage(new { queue });
        }

        Posted = Request.Form;
        await ShowAsync(job, token, result.Errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task ShowAsync(string jobId, string token, IReadOnlyList<FieldError> errors)
    {
        JobId = jobId;
        Token = token;
        Errors = errors;
        var job = grains.GetGrain<IReviewJobGrain>(jobId);
        Job = Config.Template.Any(w => w.Kind == "enforcement") ? await job.GetExplainedDetails() : await job.GetDetails();
    }

    /// <summary>404 for a queue without config, 403 for a reviewer outside its groups, else null.</summary>
    private async Task<IActionResult?> AuthorizeAsync(string queue)
    {
        var config = await grains.GetGrain<IQueueGrain>(queue).GetConfig();
        if (config is null)
        {
            return NotFound();
        }

        Config = config;
        return ReviewerAccess.MayReview(User, config) ? null : Forbid();
    }

    /// <summary>Whether the reviewer had chosen <paramref name="value"/> for <paramref name="field"/> before a refusal.</summary>
    public bool WasChosen(string field, string value) => Posted?[field].Contains(value) == true;
}
