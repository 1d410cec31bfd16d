namespace IntegrationHub.Hub.Dossiers;

public enum ProgressAction
{
    Receive = 1,
    Appraise = 2,
    Approve = 3,
    Sign = 4,
    ReturnResult = 5,
    RequestSupplement = 6,
    ReceiveSupplement = 7,
    Reject = 8,
    Suspend = 9,
    Withdraw = 10,
    Finish = 11,
    /// <summary>tiếp tục xử lý: a suspended dossier is taken up again.</summary>
    Resume = 12,
}
