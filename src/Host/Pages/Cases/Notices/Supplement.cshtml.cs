namespace ServiceWindow.Host.Pages.Cases.Notices;

/// 一次性告知书: every material still missing, named once, and the clock paused until they come.
public sealed class SupplementModel(CaseNotices notices) : NoticePageModel(notices)
{
    protected override bool Applies(NoticeFacts notice) => notice.Supplement is not null;
}
