using System.Text.Json;
using Warden.Grains.Labels;

namespace Warden.Grains.Reviews;

public static class ReviewJobJson
{
    public static string Write(ReviewJobState state) => JsonSerializer.Serialize(state, LabelJson.Options);

    public static ReviewJobState Read(string json) => JsonSerializer.Deserialize<ReviewJobState>(json, LabelJson.Options)
        ?? throw new InvalidDataException("A stored review job is null.");
}
