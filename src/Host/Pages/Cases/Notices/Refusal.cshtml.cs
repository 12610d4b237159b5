namespace ServiceWindow.Host.Pages.Cases.Notices;

/// 不予受理通知书 (or the written refusal after review): the reason and how to appeal.
public sealed class RefusalModel(CaseNotices notices) : NoticePageModel(notices)
{
    protected override bool Applies(NoticeFacts notice) => notice.Refusal is not null;
}
