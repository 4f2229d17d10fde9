using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Bulk;
using Warden.Abstractions.Validation;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Admin;

/// <summary>
/// Bulk operations for admins: a query previewed as a count and a sample, an action run over what it
/// matches, the recent operations with their progress and report, and undo.
/// </summary>
[Authorize(Policy = UiPolicies.Admin)]
public sealed class BulkModel(IGrainFactory grains) : PageModel
{
    [BindProperty]
    public BulkQuery Query { get; set; } = new();

    [BindProperty]
    public BulkAction Action { get; set; } = new() { Reason = string.Empty };

    [BindProperty]
    public int Parallelism { get; set; } = 32;

    public BulkPreview? Preview { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<BulkOperationInfo> Operations { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Preview = await grains.GetGrain<IBulkQueryGrain>(0).Preview(Query);
        Errors = Preview.Errors;
        await LoadAsync();
        return Errors.Count == 0 ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostRunAsync()
    {
        var id = "bulk-" + Guid.NewGuid().ToString("N")[..16];
        var started = await grains.GetGrain<IBulkOperationGrain>(id).Start(new BulkRequest { Query = Query, Action = Action, Actor = User.Identity!.Name!, Parallelism = Parallelism });
        if (started.Errors.Count == 0)
        {
            return RedirectToPage();
        }

        Errors = started.Errors;
        await LoadAsync();
        return Refused();
    }

    public async Task<IActionResult> OnPostUndoAsync(string id)
    {
        var undone = await grains.GetGrain<IBulkOperationGrain>(id).Undo(User.Identity!.Name!);
        if (undone.Errors.Count == 0)
        {
            return RedirectToPage();
        }

        Errors = undone.Errors;
        await LoadAsync();
        return Refused();
    }

    private async Task LoadAsync() => Operations = await grains.GetGrain<IBulkQueryGrain>(0).List(20);

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
