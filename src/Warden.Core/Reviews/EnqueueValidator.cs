using Warden.Abstractions.Reviews;
using Warden.Core.Labels;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Reviews;

/// <summary>Checks a request to open a review job, naming every problem.</summary>
public static class EnqueueValidator
{
    public const int MaxObjects = 8;
    public const int MaxReports = 200;
    public const int MaxScores = 50;
    public const int MaxText = 4000;

    /// <summary>The roles an object can play in a job; page templates address objects by them.</summary>
    public static readonly IReadOnlySet<string> Roles = new HashSet<string> { "item", "owner", "board", "reporter" };

    public static IReadOnlyList<FieldError> Validate(EnqueueRequest? request, CatalogView catalog)
    {
        var errors = new List<FieldError>();
        if (request is null)
        {
            return [new FieldError("Request", "is required")];
        }

        TextRules.RequireText(errors, "Key", request.Key, 256);
        TextRules.RequireActor(errors, request.Actor);
        if (!TextRules.IsName(request.Reason))
        {
            errors.Add(new FieldError("Reason", $"'{request.Reason}' is not a name: lower-case letters, digits, _ and -"));
        }

        if (request.Objects is not { Count: > 0 and <= MaxObjects })
        {
            errors.Add(new FieldError("Objects", $"a job holds 1 to {MaxObjects} objects, not {request.Objects?.Count ?? 0}"));
        }
        else
        {
            CheckObjects(errors, request.Objects, catalog);
        }

        if (request.Reports is null || request.Reports.Count > MaxReports)
        {
            errors.Add(new FieldError("Reports", $"at most {MaxReports} reports"));
        }
        else
        {
            foreach (var report in request.Reports)
            {
                TextRules.RequireText(errors, "Reports.Reporter", report?.Reporter, 256);
                TextRules.RequireText(errors, "Reports.Reason", report?.Reason, 256);
                if (report?.Text is { } text)
                {
                    TextRules.CheckText(errors, "Reports.Text", text, MaxText);
                }
            }
        }

        if (request.Scores is null || request.Scores.Count > MaxScores)
        {
            errors.Add(new FieldError("Scores", $"at most {MaxScores} scores"));
        }
        else
        {
            foreach (var score in request.Scores)
            {
                TextRules.RequireText(errors, "Scores.Name", score?.Name, 128);
                if (score is not null && !double.IsFinite(score.Value))
                {
                    errors.Add(new FieldError("Scores.Value", $"score '{score.Name}' must be a finite number"));
                }

                if (score?.Evidence is { } evidence)
                {
                    TextRules.CheckText(errors, "Scores.Evidence", evidence, MaxText);
                }
            }
        }

        return errors;
    }

    private static void CheckObjects(List<FieldError> errors, IReadOnlyList<ReviewObject> objects, CatalogView catalog)
    {
        foreach (var reviewObject in objects)
        {
            if (reviewObject is null || !Roles.Contains(reviewObject.Role))
            {
                errors.Add(new FieldError("Objects.Role", $"'{reviewObject?.Role}' is not a role: use {string.Join(", ", Roles)}"));
                continue;
            }

            errors.AddRange(EntityKey.Validate(reviewObject.Entity, catalog).Select(e => e with { Field = $"Objects[{reviewObject.Role}].Entity" }));
        }

        foreach (var duplicate in objects.Where(o => o is not null).GroupBy(o => o.Role).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldError("Objects", $"role '{duplicate.Key}' appears {duplicate.Count()} times"));
        }
    }
}
