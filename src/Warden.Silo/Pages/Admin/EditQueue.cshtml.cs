using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Queues;
using Warden.Core.Queues;
using Warden.Silo.Ui;
using Warden.Abstractions.Validation;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Admin;

/// <summary>
/// Creates or edits a queue config as a form; every problem is shown next to the field it concerns. Saving
/// needs the version the lead started from, so two leads cannot overwrite each other unseen.
/// </summary>
[Authorize(Policy = UiPolicies.Lead)]
public sealed class EditQueueModel(IGrainFactory grains) : PageModel
{
    /// <summary>The form fields errors are shown beside; errors about anything else are listed at the top.</summary>
    private static readonly HashSet<string> Fields =
    [
        "Id", "Name", "ReviewerGroups", "QueueGroups", "ObjectTypes", "Labels", "Hotkeys", "LabelSelection", "Policies", "PolicySelection",
        "Template", "TargetHandlingTime", "LeaseDuration", "MultiReview", "PassTo", "EscalationQueue", "EscalateOnSlaBreach", "ReportVisibility", "GoldenRate",
    ];

    [BindProperty]
    public QueueConfigForm Form { get; set; } = new();

    [BindProperty]
    public int ExpectedVersion { get; set; }

    public bool Creating => ExpectedVersion == 0;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is null)
        {
            Form = new QueueConfigForm { Template = "text item\nfields owner side\nscores item side\nreports item side" };
            return Page();
        }

        var config = await grains.GetGrain<IQueueGrain>(id).GetConfig();
        if (config is null)
        {
            return NotFound();
        }

        Form = QueueConfigForm.From(config);
        ExpectedVersion = config.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        var (config, unreadable) = Form.ToConfig();
        if (unreadable.Count == 0)
        {
            var saved = await grains.GetGrain<IQueueGrain>(config.Id).SaveConfig(config, ExpectedVersion, User.Identity!.Name!);
            if (saved.Errors.Count == 0)
            {
                return Redirect("/admin/queues/versions/" + Uri.EscapeDataString(config.Id));
            }

            Errors = saved.Errors;
        }
        else
        {
            // What could be read is checked too, so the lead sees every problem in one round.
            var unreadableFields = unreadable.Select(FieldOf).ToHashSet();
            Errors = [.. unreadable, .. QueueConfigValidator.Validate(config).Where(e => !unreadableFields.Contains(FieldOf(e)))];
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The messages for one form field: <c>ObjectTypes[pin].Actions</c> belongs to <c>ObjectTypes</c>.</summary>
    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => FieldOf(e) == field).Select(e => e.Message);

    public IEnumerable<FieldError> OtherErrors => Errors.Where(e => !Fields.Contains(FieldOf(e)));

    private static string FieldOf(FieldError error)
    {
        var end = error.Field.IndexOfAny(['[', '.']);
        var head = end < 0 ? error.Field : error.Field[..end];
        return head == "PolicyHotkeys" ? "Policies" : head;
    }
}
