using Npgsql;
using Warden.Abstractions.Labels;
using Warden.Grains.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Reviews;

/// <summary>
/// The durable record of review requests for held labels (hold_review_requests), kept beside the
/// routed review job so a hold that no queue takes is still listed: a hold opens (or refreshes) a
/// pending request; the release, rejection, removal or expiry of that same held label closes it.
/// </summary>
public sealed class RecordedHoldReviewRequests(NpgsqlDataSource db) : IHoldReviewRequests
{
    public async Task RecordAsync(IReadOnlyList<LabelChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Kind == LabelChangeKind.Held)
            {
                await using var open = db.CreateCommand("""
                    INSERT INTO hold_review_requests (entity, source_key, label, requested_at) VALUES ($1, $2, $3::jsonb, $4)
                    ON CONFLICT (entity, source_key) WHERE status = 'pending'
                    DO UPDATE SET label = EXCLUDED.label, requested_at = EXCLUDED.requested_at
                    """);
                open.Parameters.AddWithValue(change.Entity);
                open.Parameters.AddWithValue(change.Label.Source.Key);
                open.Parameters.AddWithValue(StoredJson.Write(change.Label));
                open.Parameters.AddWithValue(change.At);
                await open.ExecuteNonQueryAsync();
            }
            else if (change.Kind is LabelChangeKind.Released or LabelChangeKind.HoldRejected or LabelChangeKind.Removed or LabelChangeKind.Expired)
            {
                await using var close = db.CreateCommand("""
                    UPDATE hold_review_requests SET status = $3, decided_at = $4, decided_by = $5
                     WHERE entity = $1 AND source_key = $2 AND status = 'pending' AND label = $6::jsonb
                    """);
                close.Parameters.AddWithValue(change.Entity);
                close.Parameters.AddWithValue(change.Label.Source.Key);
                close.Parameters.AddWithValue(LabelChangeKinds.Name(change.Kind));
                close.Parameters.AddWithValue(change.At);
                close.Parameters.AddWithValue(change.Actor);
                close.Parameters.AddWithValue(StoredJson.Write(change.Label));
                await close.ExecuteNonQueryAsync();
            }
        }
    }
}
