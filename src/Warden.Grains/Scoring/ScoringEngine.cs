using Microsoft.Extensions.Options;
using Warden.Abstractions.Scoring;
using Warden.Scoring;
using Warden.Scoring.Models;
using Warden.Scoring.Ocr;
using Warden.Scoring.Rules;

namespace Warden.Grains.Scoring;

/// <summary>
/// The silo's scoring state, shared by every scoring worker: rule matcher, bank indexes, text models
/// and OCR, loaded once and swapped whole when the config grain announces a change (so requests in
/// flight finish on what they started with). Re-checks the config grain now and then in case a
/// broadcast was missed.
/// </summary>
public sealed partial class ScoringEngine : IDisposable
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);
    private readonly ScoringOptions _options;
    private readonly IGrainFactory _grains;
    private readonly IHashBankStore _bankStore;
    private readonly ScoringMeters _meters;
    private readonly TimeProvider _clock;
    private readonly ILogger<ScoringEngine> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Lazy<PaddleOcr?> _ocr;
    private readonly Lazy<ImageModelRunner?> _imageModel;
    private readonly string? _assets;
    private readonly DecodeBudget _decodeBudget;
    private volatile Loaded? _loaded;
    private long _checkedAt;

    public ScoringEngine(IOptions<ScoringOptions> options, IGrainFactory grains, IHashBankStore bankStore, ScoringMeters meters, TimeProvider clock, ILogger<ScoringEngine> logger)
    {
        _options = options.Value;
        _decodeBudget = new DecodeBudget(Math.Max(1, _options.DecodingMegapixels) * 1_000_000);
        _grains = grains;
        _bankStore = bankStore;
        _meters = meters;
        _clock = clock;
        _logger = logger;
        try
        {
            _assets = ScoringAssets.Locate(_options.Assets);
            WordLists = new WordLists(_assets);
        }
        catch (DirectoryNotFoundException error)
        {
            LogNoAssets(error.Message);
        }

        (ServedProvider, CudaProblem) = ExecutionProvider.Resolve(_options.ExecutionProvider);
        _meters.Provider = ServedProvider;
        if (CudaProblem is not null)
        {
            LogCudaFallback(_options.ExecutionProvider, CudaProblem);
        }

        _ocr = new Lazy<PaddleOcr?>(LoadOcr);
        _imageModel = new Lazy<ImageModelRunner?>(LoadImageModel);
    }

    /// <summary>Where models run here: <c>cpu</c> or <c>cuda</c>.</summary>
    public string ServedProvider { get; }

    /// <summary>Why CUDA was asked for and is not used; null otherwise.</summary>
    public string? CudaProblem { get; }

    /// <summary>The served image model's name, or why there is none.</summary>
    public string ImageModelStatus => _imageModel.Value is { } runner ? runner.Name : _imageModelProblem ?? "none configured";

    private string? _imageModelProblem;

    /// <summary>Null when the assets folder is missing: rule sets naming word lists are then refused.</summary>
    public WordLists? WordLists { get; }

    public TextModelAssignment? ConfiguredModel => _options.TextModel is { } live ? new TextModelAssignment(live, _options.ShadowTextModel) : null;

    /// <summary>The installed config version; 0 before the first load.</summary>
    public int Version => _loaded?.Version ?? 0;

    /// <summary>Why the file at <paramref name="path"/> cannot be served, if it cannot.</summary>
    public static IEnumerable<string> CheckModelFile(string path)
    {
        string? problem = null;
        try
        {
            using var classifier = TextClassifier.Load(path);
        }
        catch (ModelContractException error)
        {
            problem = error.Message;
        }

        return problem is null ? [] : [problem];
    }

    /// <summary>Loads the config version <paramref name="version"/> (or newer) unless this silo has it already.</summary>
    public async Task RefreshAsync(int version)
    {
        if (_loaded is { } current && current.Version >= version && version > 0)
        {
            return;
        }

        await _refreshing.WaitAsync();
        try
        {
            var snapshot = await _grains.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey).Get();
            Interlocked.Exchange(ref _checkedAt, _clock.GetTimestamp());
            var previous = _loaded;
            if (previous is not null && previous.Version >= snapshot.Version)
            {
                return;
            }

            _loaded = await BuildAsync(snapshot, previous);
            LogLoaded(snapshot.Version, snapshot.RuleSets.Count, snapshot.Banks.Count, _loaded.Live?.Name ?? "none");
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async ValueTask<Loaded> CurrentAsync()
    {
        var loaded = _loaded;
        if (loaded is null)
        {
            await RefreshAsync(0);
            return _loaded!;
        }

        if (_clock.GetTimestamp() - Interlocked.Read(ref _checkedAt) > RecheckEvery.TotalSeconds * _clock.TimestampFrequency)
        {
            Interlocked.Exchange(ref _checkedAt, _clock.GetTimestamp());
            _ = RefreshInBackgroundAsync();
        }

        return loaded;
    }

    /// <summary>Starts loading <paramref name="version"/> in the background; failures are logged and the periodic re-check retries.</summary>
    public void RefreshSoon(int version) => _ = RefreshInBackgroundAsync(version);

    private async Task RefreshInBackgroundAsync(int version = 0)
    {
        try
        {
            await Task.Yield();
            await RefreshAsync(version);
        }
        catch (Exception error)
        {
            LogRecheckFailed(error);
        }
    }

    private async Task<Loaded> BuildAsync(ScoringConfigSnapshot snapshot, Loaded? previous)
    {
        var matcher = new RuleMatcher(snapshot.RuleSets, WordLists);
        var banks = new List<LoadedBank>();
        foreach (var info in snapshot.Banks)
        {
            var kept = previous?.Banks.FirstOrDefault(b => b.Info.Name == info.Name && b.Info.Version == info.Version);
            banks.Add(kept ?? new LoadedBank(info, await _bankStore.ReadAsync(info.Name)));
        }

        var assignment = snapshot.TextModel ?? ConfiguredModel;
        ModelRunner? live = previous?.Live, shadow = previous?.Shadow;
        string? liveProblem = previous?.LiveProblem;
        if (previous is null || assignment != previous.Assignment)
        {
            (live, liveProblem) = assignment is null ? (null, "no text model is configured") : LoadModel(assignment.LivePath);
            (shadow, _) = assignment?.ShadowPath is { } shadowPath ? LoadModel(shadowPath) : (null, null);
            RetireLater(previous?.Live, previous?.Shadow);
        }

        return new Loaded(snapshot.Version, matcher, banks, assignment, live, shadow, liveProblem);
    }

    private (ModelRunner?, string?) LoadModel(string path)
    {
        try
        {
            var classifier = TextClassifier.Load(path, ExecutionProvider.CreateOptions(ServedProvider, _options.IntraOpThreads));
            return (new ModelRunner(classifier, _options.MaxBatch, _meters), null);
        }
        catch (Exception error) when (error is ModelContractException or InvalidOperationException or ArgumentException)
        {
            LogModelRefused(path, error.Message);
            return (null, error.Message);
        }
    }

    /// <summary>Replaced models are disposed once requests that started on them are surely done.</summary>
    private static void RetireLater(params ModelRunner?[] runners)
    {
        var retired = runners.OfType<ModelRunner>().ToList();
        if (retired.Count > 0)
        {
            _ = Task.Delay(TimeSpan.FromMinutes(1)).ContinueWith(_ => retired.ForEach(r => r.Dispose()), TaskScheduler.Default);
        }
    }

    private PaddleOcr? LoadOcr()
    {
        if (!_options.Ocr || _assets is null)
        {
            return null;
        }

        try
        {
            return new PaddleOcr(ScoringAssets.OcrModels(_assets), ExecutionProvider.CreateOptions(ServedProvider, _options.IntraOpThreads));
        }
        catch (Exception error) when (error is FileNotFoundException or InvalidOperationException)
        {
            LogNoOcr(error.Message);
            return null;
        }
    }

    private ImageModelRunner? LoadImageModel()
    {
        if (!_options.HasImageModel)
        {
            return null;
        }

        var path = _options.ImageModel!;
        try
        {
            var classifier = ImageClassifier.Load(path, ExecutionProvider.CreateOptions(ServedProvider, _options.IntraOpThreads));
            var unknown = _options.ImageCategories.Values.SelectMany(c => c).Except(classifier.Contract.Classes).ToList();
            if (unknown.Count > 0)
            {
                classifier.Dispose();
                throw new ModelContractException(path, $"Warden:Scoring:ImageCategories names classes the model does not have: {string.Join(", ", unknown)}");
            }

            return new ImageModelRunner(classifier, Math.Min(_options.MaxBatch, 32), _meters);
        }
        catch (Exception error) when (error is ModelContractException or InvalidOperationException or ArgumentException)
        {
            _imageModelProblem = error.Message;
            LogImageModelRefused(path, error.Message);
            return null;
        }
    }

    public void Dispose()
    {
        if (_imageModel.IsValueCreated)
        {
            _imageModel.Value?.Dispose();
        }

        _loaded?.Live?.Dispose();
        _loaded?.Shadow?.Dispose();
        if (_ocr.IsValueCreated)
        {
            _ocr.Value?.Dispose();
        }
    }

    private sealed record Loaded(
        int Version,
        RuleMatcher Matcher,
        IReadOnlyList<LoadedBank> Banks,
        TextModelAssignment? Assignment,
        ModelRunner? Live,
        ModelRunner? Shadow,
        string? LiveProblem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring config version {Version} loaded: {RuleSets} rule sets, {Banks} banks, text model {Model}")]
    private partial void LogLoaded(int version, int ruleSets, int banks, string model);

    [LoggerMessage(Level = LogLevel.Error, Message = "The text model {Path} was refused: {Reason}. Categories that need it take their fallback.")]
    private partial void LogModelRefused(string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warden:Scoring:ExecutionProvider is {Configured}: models run on the CPU. {Reason}")]
    private partial void LogCudaFallback(string configured, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The image model {Path} was refused: {Reason}. Image categories take their fallback.")]
    private partial void LogImageModelRefused(string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring assets are missing ({Reason}): no word lists, no OCR.")]
    private partial void LogNoAssets(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCR is off on this silo: {Reason}")]
    private partial void LogNoOcr(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking the scoring config failed; the loaded version stays in use")]
    private partial void LogRecheckFailed(Exception error);
}
