using Warden.Abstractions.Access;
using Warden.Abstractions.Actions;
using Warden.Abstractions.Appeals;
using Warden.Abstractions.Bulk;
using Warden.Abstractions.Events;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Quality;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Abstractions.Strikes;

namespace Warden.Silo.Api;

/// <summary>
/// What the OpenAPI document says of each /api/v1 operation: its id (for generated clients), its feature
/// (tag) and one line of summary. <c>ApiDocumentTests</c> fails when an endpoint is missing here, so the
/// document cannot fall behind the facade; scopes and error responses come from the endpoints themselves.
/// </summary>
public static class ApiOperations
{
    /// <summary>One operation: <c>Request</c> is the JSON body it reads, <c>Response</c> the JSON it answers <c>Status</c> with.</summary>
    public sealed record Operation(string Id, string Tag, string Summary, Type? Request = null, Type? Response = null, string Status = "200");

    public static readonly IReadOnlyDictionary<string, Operation> ByRoute = new Dictionary<string, Operation>(StringComparer.Ordinal)
    {
        ["POST api/v1/entities/{entity}/labels"] = new("writeLabel", "Labels", "Add or replace the label of one source on an entity", Request: typeof(Label), Response: typeof(LabelWriteResult)),
        ["DELETE api/v1/entities/{entity}/labels"] = new("removeLabel", "Labels", "Remove one source's label from an entity, with a reason", Response: typeof(LabelWriteResult)),
        ["POST api/v1/labels/batch"] = new("writeLabels", "Labels", "Write labels on many entities in one request", Request: typeof(LabelBatchRequest), Response: typeof(List<LabelWriteResult>)),
        ["GET api/v1/entities/{entity}/enforcement"] = new("getEnforcement", "Enforcement", "The enforcement on a surface, and why (the ranked labels)", Response: typeof(EnforcementDecision)),
        ["POST api/v1/enforcement/batch"] = new("getEnforcements", "Enforcement", "Verdicts for many entities on one surface", Request: typeof(EnforcementBatchRequest), Response: typeof(List<EnforcementVerdict>)),
        ["GET api/v1/entities/{entity}/history"] = new("getLabelHistory", "Enforcement", "An entity's label changes, newest first", Response: typeof(List<LabelChange>)),
        ["POST api/v1/entities/{entity}/content"] = new("submitContent", "Content", "Store and score content (JSON or multipart), idempotent by key", Request: typeof(SubmitRequest), Response: typeof(ContentResponse)),
        ["GET api/v1/entities/{entity}/content/{key}"] = new("getContent", "Content", "A stored submission with its status and verdict", Response: typeof(ContentResponse)),
        ["POST api/v1/entities/{entity}/content/{key}/redrive"] = new("redriveContent", "Content", "Score a failed submission again", Response: typeof(ContentResponse)),
        ["GET api/v1/scoring"] = new("getScoringConfig", "Scoring", "The live scoring configuration: rule sets, banks and models", Response: typeof(ScoringConfigSnapshot)),
        ["PUT api/v1/rule-sets/{name}"] = new("putRuleSet", "Scoring", "Create or change a keyword rule set (optimistic version)", Request: typeof(RuleSetDefinition), Response: typeof(ScoringConfigResult)),
        ["DELETE api/v1/rule-sets/{name}"] = new("deleteRuleSet", "Scoring", "Remove a rule set", Response: typeof(ScoringConfigResult)),
        ["POST api/v1/banks/{name}/import"] = new("importBank", "Scoring", "Import hashes into a hash bank", Request: typeof(BankImportRequest), Response: typeof(ScoringConfigResult)),
        ["PUT api/v1/scoring/text-model"] = new("setTextModel", "Scoring", "Assign the live and shadow text models", Request: typeof(TextModelAssignment), Response: typeof(ScoringConfigResult)),
        ["POST api/v1/scoring/text-model/promote"] = new("promoteTextModel", "Scoring", "Make the shadow text model the live one", Response: typeof(ScoringConfigResult)),
        ["POST api/v1/sessions"] = new("signIn", "Accounts", "Sign in with a username and password; returns a bearer session token", Request: typeof(AccountApi.SignInRequest), Response: typeof(SignInResult)),
        ["DELETE api/v1/sessions"] = new("signOut", "Accounts", "End the caller's own session"),
        ["GET api/v1/accounts"] = new("listAccounts", "Accounts", "List accounts with their roles and groups", Response: typeof(Page<AccountInfo>)),
        ["POST api/v1/accounts"] = new("createAccount", "Accounts", "Create an account", Request: typeof(AccountApi.AccountRequest), Response: typeof(AccountInfo)),
        ["PUT api/v1/accounts/{username}/access"] = new("setAccountAccess", "Accounts", "Change an account's roles and reviewer groups", Request: typeof(AccountApi.AccessRequest), Response: typeof(AccountInfo)),
        ["POST api/v1/queues/{queue}/lease"] = new("leaseJob", "Review", "Lease the next job of a queue for the calling reviewer", Response: typeof(JobLease)),
        ["POST api/v1/queues/{queue}/jobs/{job}/renew"] = new("renewLease", "Review", "Extend a lease", Response: typeof(JobStepResult)),
        ["POST api/v1/queues/{queue}/jobs/{job}/release"] = new("releaseLease", "Review", "Give a leased job back to the queue", Response: typeof(JobStepResult)),
        ["POST api/v1/queues/{queue}/jobs/{job}/decide"] = new("decideJob", "Review", "Record the reviewer's decision on a leased job", Request: typeof(JobApi.DecideRequest), Response: typeof(JobStepResult)),
        ["POST api/v1/queues/{queue}/jobs/{job}/pass"] = new("passJob", "Review", "Pass a leased job to another queue, with a reason", Request: typeof(JobApi.MoveRequest), Response: typeof(JobStepResult)),
        ["POST api/v1/queues/{queue}/jobs/{job}/escalate"] = new("escalateJob", "Review", "Escalate a leased job to the queue's escalation queue", Request: typeof(JobApi.MoveRequest), Response: typeof(JobStepResult)),
        ["POST api/v1/queues/{queue}/jobs/{job}/hold"] = new("holdJob", "Review", "Hold a leased job for a lead's help", Request: typeof(JobApi.MoveRequest), Response: typeof(JobStepResult)),
        ["POST api/v1/queues/{queue}/jobs/{job}/take-over"] = new("takeOverJob", "Review", "A lead takes over a held job with a new lease", Response: typeof(JobLease)),
        ["GET api/v1/queues/{queue}/held"] = new("listHeldJobs", "Review", "Jobs held for assistance in a queue", Response: typeof(List<HeldJob>)),
        ["GET api/v1/jobs/{job}"] = new("getJob", "Review", "A review job: objects, decisions, history and action deliveries", Response: typeof(ReviewJobDetails)),
        ["GET api/v1/decisions/export"] = new("exportDecisions", "Review", "Stream decisions as JSON Lines (training data)"),
        ["GET api/v1/catalog"] = new("getCatalog", "Catalog", "The policy catalog: entity types, policies, enforcements, sources, surfaces", Response: typeof(PolicyCatalog)),
        ["PUT api/v1/catalog"] = new("putCatalog", "Catalog", "Replace the policy catalog (optimistic version)", Request: typeof(PolicyCatalog), Response: typeof(CatalogUpdateResult)),
        ["GET api/v1/catalog/surfaces"] = new("listSurfaces", "Catalog", "The catalog's product surfaces, paged", Response: typeof(Page<SurfaceDefinition>)),
        ["POST api/v1/entities/{entity}/appeals"] = new("fileAppeal", "Appeals", "File an appeal against a label on an entity", Request: typeof(AppealApi.FileRequest), Response: typeof(AppealRecord), Status: "201"),
        ["GET api/v1/entities/{entity}/appeals"] = new("listAppeals", "Appeals", "An entity's appeals and their outcomes", Response: typeof(List<AppealRecord>)),
        ["GET api/v1/entities/{entity}/strikes"] = new("getStrikes", "Appeals", "A user's strikes and the account enforcement they add up to", Response: typeof(StrikeSummary)),
        ["GET api/v1/queues"] = new("listQueues", "Queues", "Queues with their live numbers, paged", Response: typeof(Page<QueueSummary>)),
        ["GET api/v1/queues/{id}/config"] = new("getQueueConfig", "Queues", "A queue's current config", Response: typeof(QueueConfig)),
        ["PUT api/v1/queues/{id}/config"] = new("putQueueConfig", "Queues", "Create or change a queue's config (optimistic version)", Request: typeof(QueueConfig), Response: typeof(ConfigSaveResult)),
        ["GET api/v1/queues/{id}/versions"] = new("listQueueVersions", "Queues", "Every saved version of a queue's config", Response: typeof(List<ConfigVersionInfo>)),
        ["GET api/v1/queues/{id}/metrics"] = new("getQueueMetrics", "Queues", "A queue's depth, leases, age, handle times and SLA breaches", Response: typeof(QueueMetrics)),
        ["GET api/v1/routing"] = new("getRouting", "Queues", "The routing rules that send content to queues", Response: typeof(RoutingTable)),
        ["PUT api/v1/routing"] = new("putRouting", "Queues", "Replace the routing rules (optimistic version)", Request: typeof(RoutingTable), Response: typeof(RoutingTable)),
        ["GET api/v1/actions/dead-letters"] = new("listActionDeadLetters", "Actions", "Webhook deliveries that ran out of attempts", Response: typeof(Page<ActionDelivery>)),
        ["POST api/v1/actions/dead-letters/retry"] = new("retryActionDeadLetter", "Actions", "Deliver a dead-lettered action again"),
        ["POST api/v1/bulk/preview"] = new("previewBulk", "Bulk", "Count and sample the entities a bulk query selects", Request: typeof(BulkQuery), Response: typeof(BulkPreview)),
        ["POST api/v1/bulk"] = new("startBulk", "Bulk", "Start a bulk label or removal over the selected entities", Request: typeof(BulkApi.StartRequest), Response: typeof(BulkOperationInfo), Status: "202"),
        ["GET api/v1/bulk"] = new("listBulk", "Bulk", "Bulk operations, newest first", Response: typeof(List<BulkOperationInfo>)),
        ["GET api/v1/bulk/{id}"] = new("getBulk", "Bulk", "One bulk operation's progress and outcomes", Response: typeof(BulkOperationInfo)),
        ["POST api/v1/bulk/{id}/undo"] = new("undoBulk", "Bulk", "Undo a bulk operation's changes", Response: typeof(BulkOperationInfo), Status: "202"),
        ["POST api/v1/queues/{id}/golden"] = new("addGoldenJob", "Quality", "Add a golden job with its expected decision", Request: typeof(QualityApi.GoldenRequest), Response: typeof(GoldenJob), Status: "201"),
        ["GET api/v1/queues/{id}/golden"] = new("listGoldenJobs", "Quality", "A queue's golden jobs", Response: typeof(List<GoldenJob>)),
        ["GET api/v1/queues/{id}/quality"] = new("getQueueQuality", "Quality", "Reviewers' agreement and golden accuracy in a queue", Response: typeof(QualityReport)),
        ["GET api/v1/streams/dead-letters"] = new("listStreamDeadLetters", "Streams", "Events the durable streams could not deliver", Response: typeof(Page<StreamDeadLetter>)),
        ["POST api/v1/streams/dead-letters/replay"] = new("replayStreamDeadLetters", "Streams", "Deliver dead-lettered events again", Response: typeof(StreamApi.ReplayResult)),
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
