using Warden.Abstractions.Labels;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>
/// Images after text (<see cref="ScoringOptions.ImagesAfterText"/>): the text's labels are written at once,
/// the item is held by a label of policy <c>unscored_media</c> (enforcement <see cref="ScoringOptions.HoldEnforcement"/>)
/// and its images are scored by a one-way call to this grain once the request has been answered. A silo
/// lost in between leaves the record in <see cref="ContentStatus.ScoringImages"/>, which the recovery pass re-drives.
/// </summary>
public sealed partial class ContentGrain
{
    public const string HoldPolicy = "unscored_media";

    private static readonly LabelSource HoldSource = new(ScoringSystem, SourceKind.Automated, HoldPolicy);

    private async Task<ContentRecord> HoldForImagesAsync(ContentRecord record, ContentVerdict textVerdict)
    {
        var hold = new Label
        {
            Source = HoldSource,
            Enforcement = scoring.Value.HoldEnforcement,
            Policy = HoldPolicy,
            CreatedAt = record.ReceivedAt,
            Confidence = 1,
            Evidence = $"{record.Submission.Images.Count} image(s) being scored",
        };
        var written = await GrainFactory.GetGrain<IEntityGrain>(_entity).WriteLabels([hold], $"{ScoringSystem} for {record.Submission.Actor}");
        foreach (var refused in written.Where(r => r.Errors.Count > 0))
        {
            LogLabelRefused(_entity, string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var held = record with { Status = ContentStatus.ScoringImages, Verdict = textVerdict, Attempts = 0, FailureReason = null };
        await content.UpdateAsync(held);
        await this.AsReference<IContentGrain>().CompleteImages();
        return held;
    }

    private async Task ReleaseHoldAsync(string actor)
    {
        var entity = GrainFactory.GetGrain<IEntityGrain>(_entity);
        if ((await entity.GetLabels()).Live.Any(l => l.Source.Key == HoldSource.Key))
        {
            await entity.RemoveLabel(HoldSource, $"{ScoringSystem} for {actor}", "images scored");
        }
    }
}
