namespace Warden.Abstractions.Queues;

/// <summary>One widget of the review page: what it shows (image, text, fields, reports, scores) of which object.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.widget")]
public sealed record TemplateWidget([property: Id(0)] string Kind, [property: Id(1)] string Object, [property: Id(2)] string Area = "main");
