namespace BlogSite.Email;

public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Queued = 0,

    /// <summary>Claimed by a worker until <see cref="OutboxMessage.ClaimedUntil"/>.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>Given up on after the last attempt, or because its outcome is unknown; an Admin may retry it.</summary>
    Failed = 3,
}

/// <summary>A message stored with the action that caused it, sent later by <c>OutboxWorker</c>.</summary>
public sealed class OutboxMessage
{
    public const int MaxKindLength = 40;
    public const int MaxKeyLength = 200;
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 300;
    public const int MaxUrlLength = 2_000;
    public const int MaxErrorLength = 1_000;

    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public required string Html { get; set; }
    public string? UnsubscribeUrl { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Attempts begun, counted when claimed: an attempt a crash cut short counts too.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when the claiming worker owns the message; past it, the claim's outcome is unknown.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Which claim owns the message, so that a worker whose lease ran out cannot record another's outcome.</summary>
    public string? ClaimToken { get; set; }

    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
}
