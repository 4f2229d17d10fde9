namespace Warden.Silo.Api;

/// <summary>
/// What the OpenAPI document says of each /api/v1 operation: its id (for generated clients), its feature
/// (tag) and one line of summary. <c>ApiDocumentTests</c> fails when an endpoint is missing here, so the
/// document cannot fall behind the facade; scopes and error responses come from the endpoints themselves.
/// </summary>
public static class ApiOperations
{
    public sealed record Operation(string Id, string Tag, string Summary);

    public static readonly IReadOnlyDictionary<string, Operation> ByRoute = new Dictionary<string, Operation>(StringComparer.Ordinal)
    {
        ["POST api/v1/entities/{entity}/labels"] = new("writeLabel", "Labels", "Add or replace the label of one source on an entity"),
        ["DELETE api/v1/entities/{entity}/labels"] = new("removeLabel", "Labels", "Remove one source's label from an entity, with a reason"),
        ["POST api/v1/labels/batch"] = new("writeLabels", "Labels", "Write labels on many entities in one request"),
        ["GET api/v1/entities/{entity}/enforcement"] = new("getEnforcement", "Enforcement", "The enforcement on a surface, and why (the ranked labels)"),
        ["POST api/v1/enforcement/batch"] = new("getEnforcements", "Enforcement", "Verdicts for many entities on one surface"),
        ["GET api/v1/entities/{entity}/history"] = new("getLabelHistory", "Enforcement", "An entity's label changes, newest first"),
        ["POST api/v1/entities/{entity}/content"] = new("submitContent", "Content", "Store and score content (JSON or multipart), idempotent by key"),
        ["GET api/v1/entities/{entity}/content/{key}"] = new("getContent", "Content", "A stored submission with its status and verdict"),
        ["POST api/v1/entities/{entity}/content/{key}/redrive"] = new("redriveContent", "Content", "Score a failed submission again"),
        ["GET api/v1/scoring"] = new("getScoringConfig", "Scoring", "The live scoring configuration: rule sets, banks and models"),
        ["PUT api/v1/rule-sets/{name}"] = new("putRuleSet", "Scoring", "Create or change a keyword rule set (optimistic version)"),
        ["DELETE api/v1/rule-sets/{name}"] = new("deleteRuleSet", "Scoring", "Remove a rule set"),
        ["POST api/v1/banks/{name}/import"] = new("importBank", "Scoring", "Import hashes into a hash bank"),
        ["PUT api/v1/scoring/text-model"] = new("setTextModel", "Scoring", "Assign the live and shadow text models"),
        ["POST api/v1/scoring/text-model/promote"] = new("promoteTextModel", "Scoring", "Make the shadow text model the live one"),
        ["POST api/v1/sessions"] = new("signIn", "Accounts", "Sign in with a username and password; returns a bearer session token"),
        ["DELETE api/v1/sessions"] = new("signOut", "Accounts", "End the caller's own session"),
        ["GET api/v1/accounts"] = new("listAccounts", "Accounts", "List accounts with their roles and groups"),
        ["POST api/v1/accounts"] = new("createAccount", "Accounts", "Create an account"),
        ["PUT api/v1/accounts/{username}/access"] = new("setAccountAccess", "Accounts", "Change an account's roles and reviewer groups"),
        ["POST api/v1/queues/{queue}/lease"] = new("leaseJob", "Review", "Lease the next job of a queue for the calling reviewer"),
        ["POST api/v1/queues/{queue}/jobs/{job}/renew"] = new("renewLease", "Review", "Extend a lease"),
        ["POST api/v1/queues/{queue}/jobs/{job}/release"] = new("releaseLease", "Review", "Give a leased job back to the queue"),
        ["POST api/v1/queues/{queue}/jobs/{job}/decide"] = new("decideJob", "Review", "Record the reviewer's decision on a leased job"),
        ["POST api/v1/queues/{queue}/jobs/{job}/pass"] = new("passJob", "Review", "Pass a leased job to another queue, with a reason"),
        ["POST api/v1/queues/{queue}/jobs/{job}/escalate"] = new("escalateJob", "Review", "Escalate a leased job to the queue's escalation queue"),
        ["POST api/v1/queues/{queue}/jobs/{job}/hold"] = new("holdJob", "Review", "Hold a leased job for a lead's help"),
        ["POST api/v1/queues/{queue}/jobs/{job}/take-over"] = new("takeOverJob", "Review", "A lead takes over a held job with a new lease"),
        ["GET api/v1/queues/{queue}/held"] = new("listHeldJobs", "Review", "Jobs held for assistance in a queue"),
        ["GET api/v1/jobs/{job}"] = new("getJob", "Review", "A review job: objects, decisions, history and action deliveries"),
        ["GET api/v1/decisions/export"] = new("exportDecisions", "Review", "Stream decisions as JSON Lines (training data)"),
        ["GET api/v1/catalog"] = new("getCatalog", "Catalog", "The policy catalog: entity types, policies, enforcements, sources, surfaces"),
        ["PUT api/v1/catalog"] = new("putCatalog", "Catalog", "Replace the policy catalog (optimistic version)"),
        ["GET api/v1/catalog/surfaces"] = new("listSurfaces", "Catalog", "The catalog's product surfaces, paged"),
        ["POST api/v1/entities/{entity}/appeals"] = new("fileAppeal", "Appeals", "File an appeal against a label on an entity"),
        ["GET api/v1/entities/{entity}/appeals"] = new("listAppeals", "Appeals", "An entity's appeals and their outcomes"),
        ["GET api/v1/entities/{entity}/strikes"] = new("getStrikes", "Appeals", "A user's strikes and the account enforcement they add up to"),
        ["GET api/v1/queues"] = new("listQueues", "Queues", "Queues with their live numbers, paged"),
        ["GET api/v1/queues/{id}/config"] = new("getQueueConfig", "Queues", "A queue's current config"),
        ["PUT api/v1/queues/{id}/config"] = new("putQueueConfig", "Queues", "Create or change a queue's config (optimistic version)"),
        ["GET api/v1/queues/{id}/versions"] = new("listQueueVersions", "Queues", "Every saved version of a queue's config"),
        ["GET api/v1/queues/{id}/metrics"] = new("getQueueMetrics", "Queues", "A queue's depth, leases, age, handle times and SLA breaches"),
        ["GET api/v1/routing"] = new("getRouting", "Queues", "The routing rules that send content to queues"),
        ["PUT api/v1/routing"] = new("putRouting", "Queues", "Replace the routing rules (optimistic version)"),
        ["GET api/v1/actions/dead-letters"] = new("listActionDeadLetters", "Actions", "Webhook deliveries that ran out of attempts"),
        ["POST api/v1/actions/dead-letters/retry"] = new("retryActionDeadLetter", "Actions", "Deliver a dead-lettered action again"),
        ["POST api/v1/bulk/preview"] = new("previewBulk", "Bulk", "Count and sample the entities a bulk query selects"),
        ["POST api/v1/bulk"] = new("startBulk", "Bulk", "Start a bulk label or removal over the selected entities"),
        ["GET api/v1/bulk"] = new("listBulk", "Bulk", "Bulk operations, newest first"),
        ["GET api/v1/bulk/{id}"] = new("getBulk", "Bulk", "One bulk operation's progress and outcomes"),
        ["POST api/v1/bulk/{id}/undo"] = new("undoBulk", "Bulk", "Undo a bulk operation's changes"),
        ["POST api/v1/queues/{id}/golden"] = new("addGoldenJob", "Quality", "Add a golden job with its expected decision"),
        ["GET api/v1/queues/{id}/golden"] = new("listGoldenJobs", "Quality", "A queue's golden jobs"),
        ["GET api/v1/queues/{id}/quality"] = new("getQueueQuality", "Quality", "Reviewers' agreement and golden accuracy in a queue"),
        ["GET api/v1/streams/dead-letters"] = new("listStreamDeadLetters", "Streams", "Events the durable streams could not deliver"),
        ["POST api/v1/streams/dead-letters/replay"] = new("replayStreamDeadLetters", "Streams", "Deliver dead-lettered events again"),
    };

    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Labels"] = "Write and remove labels: one live label per source on each entity",
        ["Enforcement"] = "Read the one enforcement per surface that labels resolve to, with its explanation",
        ["Content"] = "Submit content for the scoring cascade and read its verdict",
        ["Scoring"] = "Operate the cascade: keyword rule sets, hash banks, text models",
        ["Accounts"] = "People's accounts and sessions",
        ["Review"] = "Work a queue: lease, decide, pass, escalate, hold; read jobs and export decisions",
        ["Catalog"] = "The policy catalog every label is checked against",
        ["Appeals"] = "Appeals against labels, and users' strikes",
        ["Queues"] = "Review queues' configs and numbers, and the routing rules",
        ["Actions"] = "Webhook deliveries of reviewers' actions",
        ["Bulk"] = "Label or unlabel many entities selected by a query, with undo",
        ["Quality"] = "Golden jobs and reviewers' agreement",
        ["Streams"] = "The durable event streams' dead letters",
    };
}
