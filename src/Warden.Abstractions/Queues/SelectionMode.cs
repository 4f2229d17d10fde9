namespace Warden.Abstractions.Queues;

/// <summary>Whether a reviewer picks one or several of a set (labels, policies).</summary>
[GenerateSerializer, Alias("warden.queues.selection-mode")]
public enum SelectionMode
{
    Single = 0,
    Multiple = 1,
}
