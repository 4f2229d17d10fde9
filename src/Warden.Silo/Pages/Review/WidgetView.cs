using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;

namespace Warden.Silo.Pages.Review;

/// <summary>What one template widget needs to render: its kind, the object it shows, and the job around it.</summary>
public sealed record WidgetView(TemplateWidget Widget, FetchedObject? Object, ReviewJobDetails Job, QueueConfig Config, bool Kitty)
{
    public string MediaUrl(ObjectContent content, int index) =>
        $"/ui/media?job={Uri.EscapeDataString(Job.JobId)}&entity={Uri.EscapeDataString(Object!.Object.Entity)}&key={Uri.EscapeDataString(content.ContentKey)}&index={index}";

    public string MediaClasses => string.Join(' ', new[] { "media", Config.BlurMedia ? "veiled" : null, Config.GrayscaleMedia ? "gray" : null }.OfType<string>());

    /// <summary>The queue's media settings, plus a blur for an image the image model found adult.</summary>
    public string MediaClassesFor(ObjectContent content, int index) =>
        !Config.BlurMedia && content.SensitiveImages.Contains(index) ? $"{MediaClasses} veiled sensitive" : MediaClasses;
}
