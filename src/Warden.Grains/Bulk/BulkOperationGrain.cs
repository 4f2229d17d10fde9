using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Bulk;
using Warden.Core.Bulk;
using Warden.Grains.Policies;
using Warden.Abstractions.Validation;

namespace Warden.Grains.Bulk;

/// <summary>
/// One bulk operation: validates and records it, fixes its entities, and hands the work to this silo's
/// <see cref="BulkRunner"/>; a reminder resumes the work wherever a silo stopped until it is finished.
/// Bulk operations keep their record in PostgreSQL, so they need cluster mode.
/// </summary>
public sealed class BulkOperationGrain(IServiceProvider services, CatalogCache catalogs, TimeProvider clock) : Grain, IBulkOperationGrain, IRemindable
{
    public const string ResumeReminder = "bulk-resume";

    private readonly PostgresBulkStore? _store = services.GetService<PostgresBulkStore>();
    private readonly BulkRunner? _runner = services.GetService<BulkRunner>();

    private string Id => this.GetPrimaryKeyString();

    public async Task<BulkOperationInfo> Start(BulkRequest request)
    {
        var errors = BulkRules.Validate(request, await catalogs.GetAsync()).ToList();
        if (_store is null)
        {
            errors.Add(Unavailable);
        }

        if (errors.Count > 0)
        {
            return Refused(request, errors);
        }

        if (!await _store!.CreateAsync(Id, request, clock.GetUtcNow()))
        {
            return Refused(request, [new FieldError("Id", $"bulk operation {Id} exists already")]);
        }

        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _runner!.Run(Id, request.Actor);
        return (await _store.GetAsync(Id))!;
    }

    public async Task<BulkOperationInfo> Undo(string actor)
    {
        var operation = _store is null ? null : await _store.GetAsync(Id);
        if (operation?.Status != BulkStatus.Applied)
        {
            var why = operation is null ? _store is null ? Unavailable.Message : $"there is no bulk operation {Id}" : $"only a finished operation can be undone; {Id} is {operation.Status.ToString().ToLowerInvariant()}";
            return (operation ?? Refused(null, [])) with { Errors = [new FieldError("Status", why)] };
        }

        await _store!.SetStatusAsync(Id, BulkStatus.Undoing, clock.GetUtcNow());
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _runner!.Run(Id, actor);
        return (await _store.GetAsync(Id))!;
    }

    public async Task<BulkOperationInfo?> Get() => _store is null ? null : await _store.GetAsync(Id);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var operation = _store is null ? null : await _store.GetAsync(Id);
        if (operation?.Status is BulkStatus.Running or BulkStatus.Undoing)
        {
            _runner!.Run(Id, operation.Actor);
        }
        else if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Why bulk operations are refused in development mode (no PostgreSQL to record them in).</summary>
    internal static FieldError Unavailable => new("Mode", "bulk operations keep their record in PostgreSQL: run the cluster mode");

    private BulkOperationInfo Refused(BulkRequest? request, IReadOnlyList<FieldError> errors) => new()
    {
        Id = Id,
        Query = request?.Query ?? new BulkQuery(),
        Action = request?.Action ?? new BulkAction { Reason = string.Empty },
        Actor = request?.Actor ?? string.Empty,
        Errors = [.. errors],
    };
}
