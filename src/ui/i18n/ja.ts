/** Japanese strings; typed as `Messages`, so every English key must be here and no other. */
import type { Messages } from './en';

export const ja: Messages = {
  ui: {
    'app.title': 'Genesys ツールバー',
    'section.status': '状態',
    'section.calls': '通話',
    'section.dial': '発信',
    'section.notices': 'お知らせ',

    'agent.label': 'エージェント',
    'agent.loggedOut': 'ログアウト',
    'agent.registering': 'ログイン中…',
    'agent.available': '受付可',
    'agent.unavailable': '受付不可',
    'agent.goingAvailable': '受付可に変更中…',
    'agent.goingUnavailable': '受付不可に変更中…',
    'agent.loggingOut': 'ログアウト処理中…',
    'agent.toggle': '受付可',
    'agent.toggleHint': '受付可と受付不可を切り替えます',
    'agent.reason': '受付不可の理由',
    'agent.reasonChoose': '理由を選択…',
    'agent.reasonIs': '理由: {reason}',
    'agent.login': 'ログイン',
    'agent.logout': 'ログアウト',

    'reason.Break': '休憩',
    'reason.Lunch': '昼休み',
    'reason.Training': '研修',
    'reason.Meeting': '会議',
    'reason.AfterCallWork': '後処理',
    'reason.LINK_DOWN': '電話システムの回線断',

    'connection.label': 'Genesys',
    'connection.connecting': '接続中…',
    'connection.linked': '接続済み',
    'connection.switchDown': '接続済み（交換機との回線が切断中）',
    'connection.reconnecting': '切断',
    'connection.retryIn': '{seconds} 秒後に再接続（{attempt} 回目）',
    'connection.retryNow': '再接続しています（{attempt} 回目）',

    'fusion.label': 'Fusion',
    'fusion.initializing': 'Fusion に接続中…',
    'fusion.ready': '接続済み',
    'fusion.absent': '未接続（Fusion の外で開かれています。ツールバー単体で動作します）',
    'fusion.failed': '接続できません',

    'calls.none': '通話はありません',
    'call.unknownNumber': '番号不明',
    'call.inbound': '着信',
    'call.outbound': '発信',
    'call.queue': 'キュー: {queue}',
    'call.active': '操作対象の通話',
    'call.duration': '経過時間',
    'call.ringing.alerting': '呼び出し中',
    'call.ringing.accepting': '応答中…',
    'call.ringing.rejecting': '拒否中…',
    'call.dialing.requested': '発信準備中…',
    'call.dialing.alerting': '発信中…',
    'call.dialing.canceling': '発信を取り消し中…',
    'call.established.talking': '通話中',
    'call.established.holding': '保留にしています…',
    'call.established.held': '保留中',
    'call.established.retrieving': '保留を解除中…',
    'call.established.hangingUp': '切断中…',
    'call.ended': '終了',
    'call.other': '更新中…',

    'button.accept': '応答',
    'button.decline': '拒否',
    'button.hangup': '切断',
    'button.hold': '保留',
    'button.resume': '保留解除',
    'button.cancel-dial': '発信取消',
    'button.dismiss': '閉じる',
    'button.call': '発信',
    'button.backspace': '1 桁削除',
    'button.shortcut': '{label}（{keys}）',
    'busy': '処理中…',

    'dial.input': '電話番号',
    'dial.invalid': '2〜20 桁の数字を入力してください（+ ( ) - . * # と空白は使用可）',

    'notices.count': 'お知らせ {count} 件',
    'notice.at': '{time}',
    'notice.detail': '詳細: {detail}',

    'live.incoming': '{number} から着信',
    'live.dialing': '{number} に発信中',
    'live.connected': '{number} との通話がつながりました',
    'live.held': '通話を保留にしました',
    'live.resumed': '保留を解除しました',
    'live.ended': '{number} との通話が終了しました',

    'fatal.title': 'ツールバーが停止しました',
    'fatal.body': '内部エラーでツールバーが停止しました。通話は電話機で続きます。ページを再読み込みしてツールバーを再起動してください。',
  },
  errors: {
    OFFLINE: {
      what: 'ツールバーが Genesys に接続されていません。',
      fix: '状態が「接続済み」になってから、もう一度お試しください。',
    },
    COMMAND_TIMEOUT: {
      what: 'Genesys から時間内に確認がなく、何も変更されていません。',
      fix: 'もう一度お試しください。繰り返す場合は電話機で操作し、管理者に連絡してください。',
    },
    DIAL_TIMEOUT: {
      what: 'Genesys が時間内に発信を開始しませんでした。',
      fix: '番号を確認して、もう一度発信してください。',
    },
    REGISTER_TIMEOUT: {
      what: 'Genesys から時間内にログインの確認がありませんでした。',
      fix: '「ログイン」を押して、もう一度お試しください。',
    },
    AGENT_TIMEOUT: {
      what: 'Genesys から時間内に状態変更の確認がなく、状態は変わっていません。',
      fix: 'しばらくしてから、もう一度お試しください。',
    },
    AGENT_REFUSED: {
      what: 'Genesys が状態変更を受け付けませんでした。',
      fix: '電話機を確認するか管理者に理由を確認してから、もう一度お試しください。',
    },
    GENESYS_ERROR: {
      what: '電話システムがエラーを報告しました。',
      fix: 'もう一度お試しください。繰り返す場合は、下の詳細を管理者に伝えてください。',
    },
    UNKNOWN_CALL: {
      what: 'ツールバーが把握していない通話の更新を受信しました。',
      fix: '通常は対応不要です。通話が表示されない場合は電話機で操作してください。',
    },
    RESYNC_UNAVAILABLE: {
      what: '電話システムが現在の通話一覧（スナップショット）を返さないため、再接続後にツールバーの状態を照合できません。',
      fix: '対応は不要です。ツールバーは従来どおり動作します。通話表示がおかしい場合は電話機を確認してください。',
    },
    CALL_GONE: {
      what: '電話システムにこの通話がもう存在しないため、ツールバーで終了しました。',
      fix: '対応は不要です。Fusion でラップアップを完了してください。',
    },
    DUPLICATE_DIAL: {
      what: 'Fusion から同じ発信要求が二度届いたため、二度目は無視しました。',
      fix: '対応は不要です。最初の発信が続行されます。',
    },
    CALLS_ACTIVE: {
      what: '通話がツールバーに残っている間はログアウトできません。',
      fix: '通話を終了してからログアウトしてください。',
    },
    DECLINE_TOO_LATE: {
      what: '拒否が電話システムに届く前に（ソフトフォンで）応答されました。',
      fix: '通話は接続されています。不要であれば切断してください。',
    },
    CANCEL_TOO_LATE: {
      what: '取り消しが電話システムに届く前に相手が応答しました。',
      fix: '通話は接続されています。不要であれば切断してください。',
    },
    CANCELED: {
      what: '発信を取り消しました。',
      fix: '対応は不要です。',
    },
    DUPLICATE_RINGING: {
      what: '同じ着信が二重に通知されたため、重複分を無視しました。',
      fix: '対応は不要です。',
    },
    INVALID_NUMBER: {
      what: 'この番号には発信できません。',
      fix: '番号（2〜20 桁）を確認して、もう一度発信してください。',
    },
    BUSY: {
      what: '相手先が話し中です。',
      fix: 'しばらくしてから、もう一度おかけください。',
    },
    NO_ANSWER: {
      what: '相手先が応答しませんでした。',
      fix: 'しばらくしてから、もう一度おかけください。',
    },
    DIAL_FAILED: {
      what: '通話をつなげませんでした。',
      fix: '番号を確認して、もう一度発信してください。',
    },
    NOT_ALLOWED: {
      what: '現在の状態ではその操作はできません。',
      fix: '処理中の変更が終わってから、もう一度お試しください。',
    },
    FUSION_ABSENT: {
      what: 'ツールバーが Fusion の中で動作していないため、Fusion には何も表示されません。',
      fix: '画面ポップアップが必要な場合は Fusion からツールバーを開いてください。通話はここで操作できます。',
    },
    UEF_TIMEOUT: {
      what: 'Fusion から時間内に応答がありませんでした。',
      fix: 'Fusion の画面を確認し、止まっている場合は再読み込みしてください。',
    },
    UEF_REJECTED: {
      what: 'Fusion がツールバーからの更新を拒否しました。',
      fix: 'Fusion の画面を確認し、通話が表示されない場合は再読み込みしてください。',
    },
    UEF_INIT_TIMEOUT: {
      what: 'Fusion との接続が時間内に開始されませんでした。',
      fix: 'Fusion のページを再読み込みしてください。',
    },
    UEF_INIT_FAILED: {
      what: 'Fusion との接続を開始できませんでした。',
      fix: 'Fusion のページを再読み込みしてください。繰り返す場合はシステム管理者に連絡してください。',
    },
    REST_HTTP: {
      what: 'Genesys サービスがエラー {status} を返しました。',
      fix: 'もう一度お試しください。繰り返す場合はシステム管理者に連絡してください。',
    },
    REST_STATUS: {
      what: 'Genesys サービスが要求を受け付けませんでした。',
      fix: 'もう一度お試しください。繰り返す場合は、下の詳細を管理者に伝えてください。',
    },
    REST_NETWORK: {
      what: 'Genesys サービスに接続できませんでした。',
      fix: 'ネットワーク接続を確認してから、もう一度お試しください。',
    },
    REST_TIMEOUT: {
      what: 'Genesys サービスから時間内に応答がありませんでした。',
      fix: 'しばらくしてから、もう一度お試しください。',
    },
    FRAME_MALFORMED: {
      what: 'Genesys から壊れたメッセージが届いたため、無視しました。',
      fix: '状態や通話の表示がおかしい場合は、ツールバーを再読み込みしてください。',
    },
    FRAME_INVALID: {
      what: 'Genesys から想定外の形式のメッセージが届いたため、無視しました。',
      fix: '状態や通話の表示がおかしい場合は、ツールバーを再読み込みしてください。',
    },
    FRAME_UNKNOWN_EVENT: {
      what: 'Genesys から未知のメッセージが届いたため、無視しました。',
      fix: '表示に問題がなければ対応は不要です。',
    },
    FRAME_TOO_LARGE: {
      what: 'Genesys から大きすぎるメッセージが届いたため、無視しました。',
      fix: '状態や通話の表示がおかしい場合は、ツールバーを再読み込みしてください。',
    },
    NOT_SUPPORTED: {
      what: '接続先の Genesys サービスはこの操作に対応していません。',
      fix: '電話機で操作するか、管理者に有効化を依頼してください。',
    },
    LINK_DOWN: {
      what: '電話システムと交換機の回線が切断されました。',
      fix: 'そのままお待ちください。回線が戻ると自動的に再ログインします。',
    },
    UNKNOWN: {
      what: '問題が発生しました（コード {code}）。',
      fix: 'もう一度お試しください。繰り返す場合はコードを管理者に伝えてください。',
    },
  },
};
