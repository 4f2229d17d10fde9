using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Abstractions.Quality;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages.Admin;

/// <summary>A queue's reviewer quality for its lead: agreement with consensus over the last days, golden accuracy, golden jobs.</summary>
[Authorize(Policy = UiPolicies.Lead)]
public sealed class QueueQualityModel(IGrainFactory grains) : PageModel
{
    public QualityReport Report { get; private set; } = null!;

    public IReadOnlyList<GoldenJob> Golden { get; private set; } = [];

    public int Days { get; private set; }

    public async Task OnGetAsync(string id, int? days)
    {
        Days = Math.Clamp(days ?? 30, 1, 3650);
        var quality = grains.GetGrain<IReviewerQualityGrain>(id);
        Report = await quality.Report(DateTimeOffset.UtcNow.AddDays(-Days));
        Golden = await quality.Golden();
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
