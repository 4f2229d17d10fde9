using System.Globalization;
using System.Text.RegularExpressions;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Validation;

namespace Warden.Silo.Pages.Admin;

/// <summary>
/// A queue config as a team lead edits it in the browser: plain fields, and one line per object type,
/// label and widget. <c>pin: remove(r)=block, approve(a)=allow</c> is a type with its actions, their keys
/// and the enforcements they write; <c>explicit (e) *</c> a mandatory label with its key; <c>image item</c>
/// or <c>fields owner side</c> a widget. Reading it back names the field of every line it cannot read.
/// Form binding turns an emptied field into null, so every field is read as possibly null.
/// </summary>
public sealed partial record QueueConfigForm
{
    public string Id { get; init; } = string.Empty;
    public string? Name { get; init; }
    public string ReviewerGroups { get; init; } = string.Empty;
    public string QueueGroups { get; init; } = string.Empty;
    public string ObjectTypes { get; init; } = string.Empty;
    public string Labels { get; init; } = string.Empty;
    public string LabelSelection { get; init; } = "multiple";
    public string Policies { get; init; } = string.Empty;
    public string PolicySelection { get; init; } = "single";
    public string Template { get; init; } = string.Empty;
    public string TargetHandlingTime { get; init; } = "1.00:00:00";
    public string LeaseDuration { get; init; } = "00:10:00";
    public string Reviewers { get; init; } = "1";
    public string Consensus { get; init; } = "unanimous";
    public string K { get; init; } = "0";
    public string OnDisagreement { get; init; } = "escalate";
    public string? DisagreementQueue { get; init; }
    public string MaxReviewers { get; init; } = "0";
    public string PassTo { get; init; } = string.Empty;
    public string? EscalationQueue { get; init; }
    public bool EscalateOnSlaBreach { get; init; }
    public bool BlurMedia { get; init; } = true;
    public bool GrayscaleMedia { get; init; } = true;
    public bool KittyModeAllowed { get; init; } = true;
    public bool AllowSecondTier { get; init; }
    public string GoldenRate { get; init; } = "0";
    public string ReportVisibility { get; init; } = "counts";

    public static QueueConfigForm From(QueueConfig config) => new()
    {
        Id = config.Id,
        Name = config.Name,
        ReviewerGroups = string.Join(", ", config.ReviewerGroups),
        QueueGroups = string.Join(", ", config.QueueGroups),
        ObjectTypes = string.Join('\n', config.ObjectTypes.Select(t => $"{t.Type}: " + string.Join(", ", t.Actions.Select(a =>
            a + (t.Hotkeys?.GetValueOrDefault(a) is { } key ? $"({key})" : string.Empty) + (t.Enforcements?.GetValueOrDefault(a) is { } e ? "=" + e : string.Empty))))),
        Labels = string.Join('\n', config.Labels.Select(l => $"{l.Name} ({l.Hotkey}){(l.Mandatory ? " *" : string.Empty)}")),
        LabelSelection = Word(config.LabelSelection),
        Policies = string.Join(", ", config.Policies.Select(p => p + (config.PolicyHotkeys?.GetValueOrDefault(p) is { } key ? $" ({key})" : string.Empty))),
        PolicySelection = Word(config.PolicySelection),
        Template = string.Join('\n', config.Template.Select(w => $"{w.Kind} {w.Object}{(w.Area == "main" ? string.Empty : " " + w.Area)}")),
        TargetHandlingTime = config.TargetHandlingTime.ToString("c", CultureInfo.InvariantCulture),
        LeaseDuration = config.LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
        Reviewers = config.MultiReview.Reviewers.ToString(CultureInfo.InvariantCulture),
        Consensus = Word(config.MultiReview.Rule),
        K = config.MultiReview.K.ToString(CultureInfo.InvariantCulture),
        OnDisagreement = Word(config.MultiReview.OnDisagreement),
        DisagreementQueue = config.MultiReview.DisagreementQueue,
        MaxReviewers = config.MultiReview.MaxReviewers.ToString(CultureInfo.InvariantCulture),
        PassTo = string.Join(", ", config.PassTo),
        EscalationQueue = config.EscalationQueue,
        EscalateOnSlaBreach = config.EscalateOnSlaBreach,
        BlurMedia = config.BlurMedia,
        GrayscaleMedia = config.GrayscaleMedia,
        KittyModeAllowed = config.KittyModeAllowed,
        AllowSecondTier = config.AllowSecondTier,
        GoldenRate = config.GoldenRate.ToString(CultureInfo.InvariantCulture),
        ReportVisibility = config.ReportVisibility,
    };

    /// <summary>
    /// The config the form describes, and every line and field it could not read (those parts left at their
    /// defaults, so the rest can still be validated and every problem shown at once). Save only without errors.
    /// </summary>
    public (QueueConfig Config, IReadOnlyList<FieldError> Errors) ToConfig()
    {
        var errors = new List<FieldError>();
        var types = Lines(ObjectTypes).Select(line => ObjectType(line, errors)).OfType<ObjectTypeConfig>().ToList();
        var labels = Lines(Labels).Select(line => Label(line, errors)).OfType<QueueLabel>().ToList();
        var policies = List(Policies).Select(p => Keyed(p, "Policies", errors)).OfType<(string Name, string? Key)>().ToList();
        var template = Lines(Template).Select(line => Widget(line, errors)).OfType<TemplateWidget>().ToList();
        var multiReview = new MultiReviewConfig
        {
            Reviewers = Number(Reviewers, "MultiReview.Reviewers", errors),
            Rule = Choice<ConsensusRule>(Consensus, "MultiReview.Rule", errors),
            K = Number(K, "MultiReview.K", errors),
            OnDisagreement = Choice<DisagreementAction>(OnDisagreement, "MultiReview.OnDisagreement", errors),
            DisagreementQueue = Blank(DisagreementQueue),
            MaxReviewers = Number(MaxReviewers, "MultiReview.MaxReviewers", errors),
        };
        var config = new QueueConfig
        {
            Id = Id?.Trim() ?? string.Empty,
            Name = Blank(Name),
            ReviewerGroups = List(ReviewerGroups),
            QueueGroups = List(QueueGroups),
            ObjectTypes = types,
            Labels = labels,
            LabelSelection = Choice<SelectionMode>(LabelSelection, "LabelSelection", errors),
            Policies = [.. policies.Select(p => p.Name)],
            PolicyHotkeys = policies.Any(p => p.Key is not null) ? policies.Where(p => p.Key is not null).ToDictionary(p => p.Name, p => p.Key!) : null,
            PolicySelection = Choice<SelectionMode>(PolicySelection, "PolicySelection", errors),
            Template = template,
            TargetHandlingTime = Duration(TargetHandlingTime, "TargetHandlingTime", errors),
            LeaseDuration = Duration(LeaseDuration, "LeaseDuration", errors),
            MultiReview = multiReview,
            PassTo = List(PassTo),
            EscalationQueue = Blank(EscalationQueue),
            EscalateOnSlaBreach = EscalateOnSlaBreach,
            BlurMedia = BlurMedia,
            GrayscaleMedia = GrayscaleMedia,
            KittyModeAllowed = KittyModeAllowed,
            AllowSecondTier = AllowSecondTier,
            GoldenRate = Fraction(GoldenRate, "GoldenRate", errors),
            ReportVisibility = ReportVisibility?.Trim() ?? string.Empty,
        };
        return (config, errors);
    }

    private static ObjectTypeConfig? ObjectType(string line, List<FieldError> errors)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            errors.Add(new FieldError("ObjectTypes", $"'{line}' should read type: action(key)=enforcement, action …"));
            return null;
        }

        var type = line[..colon].Trim();
        var actions = new List<string>();
        var keys = new Dictionary<string, string>();
        var enforcements = new Dictionary<string, string>();
        foreach (var entry in List(line[(colon + 1)..]))
        {
            var match = ActionPattern().Match(entry);
            if (!match.Success)
            {
                errors.Add(new FieldError($"ObjectTypes[{type}].Actions", $"'{entry}' should read action, action(key) or action(key)=enforcement"));
                continue;
            }

            var action = match.Groups["action"].Value;
            actions.Add(action);
            if (match.Groups["key"].Success)
            {
                keys[action] = match.Groups["key"].Value;
            }

            if (match.Groups["enforcement"].Success)
            {
                enforcements[action] = match.Groups["enforcement"].Value;
            }
        }

        return new ObjectTypeConfig(type, actions, enforcements.Count > 0 ? enforcements : null, keys.Count > 0 ? keys : null);
    }

    private static QueueLabel? Label(string line, List<FieldError> errors)
    {
        var mandatory = line.EndsWith('*');
        var keyed = Keyed(mandatory ? line[..^1] : line, "Labels", errors);
        if (keyed is not var (name, key))
        {
            return null;
        }

        if (key is null)
        {
            errors.Add(new FieldError($"Labels[{name}].Hotkey", $"'{name}' needs its key in brackets, e.g. {name} (1)"));
            return null;
        }

        return new QueueLabel(name, key, mandatory);
    }

    /// <summary><c>name</c> or <c>name (key)</c>.</summary>
    private static (string Name, string? Key)? Keyed(string text, string field, List<FieldError> errors)
    {
        var match = KeyedPattern().Match(text.Trim());
        if (!match.Success)
        {
            errors.Add(new FieldError(field, $"'{text.Trim()}' should read name or name (key)"));
            return null;
        }

        return (match.Groups["name"].Value.Trim(), match.Groups["key"].Success ? match.Groups["key"].Value : null);
    }

    private static TemplateWidget? Widget(string line, List<FieldError> errors)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3)
        {
            errors.Add(new FieldError("Template", $"'{line}' should read kind object [area], e.g. image item or fields owner side"));
            return null;
        }

        return new TemplateWidget(parts[0], parts[1], parts.Length == 3 ? parts[2] : "main");
    }

    private static int Number(string? text, string field, List<FieldError> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{text}' is not a whole number"));
        return 0;
    }

    private static double Fraction(string? text, string field, List<FieldError> errors)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{text}' is not a number such as 0.02"));
        return 0;
    }

    private static TimeSpan Duration(string? text, string field, List<FieldError> errors)
    {
        if (TimeSpan.TryParseExact(text?.Trim(), ["c", "g"], CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{text}' is not a duration such as 04:00:00 or 1.00:00:00 ([days.]hours:minutes:seconds)"));
        return TimeSpan.Zero;
    }

    private static T Choice<T>(string? text, string field, List<FieldError> errors)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => Word(Enum.Parse<T>(n))))}"));
        return default;
    }

    private static string Word<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> List(string? text) => [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static IEnumerable<string> Lines(string? text) => (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^(?<action>[^()=\s]+)\s*(\((?<key>[^()\s]+)\))?\s*(=\s*(?<enforcement>\S+))?$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^(?<name>[^()]+?)\s*(\((?<key>[^()\s]+)\))?$")]
    private static partial Regex KeyedPattern();
}
