/** Japanese coded errors; typed by the English ones, so every code is here and no other. */
import type { Messages } from './en';

export const jaErrors: Messages['errors'] = {
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
  PARTY_CONFLICT: {
    what: 'Genesys が通話を別の通話の回線に移しました。ツールバーは両方の通話を別々に保ちました。',
    fix: '電話機で両方の通話を確認し、存在しない方を終了してください。',
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
  UEF_SCRIPT_REFUSED: {
    what: 'ページの Content-Security-Policy が Oracle の UEF スクリプトを拒否したため、Fusion に接続できません。',
    fix: '管理者に UEF スクリプトのオリジンを script-src で許可するよう依頼してください（README のデプロイの節を参照）。',
  },
  PERSIST_FAILED: {
    what: 'このブラウザーが通話を保存できないため、今ツールバーを再読み込みすると通話の状態が失われます。',
    fix: '通話中は Fusion を再読み込みしないでください。ブラウザーの保存領域を空けるか、プライベートブラウズを終了してください。',
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
  CONSULT_ENDED: {
    what: '相談先との通話が終了しました。',
    fix: 'お客様は保留中です。保留を解除するか、もう一度相談してください。',
  },
  CONSULT_BUSY: {
    what: '相談先が話し中です。',
    fix: 'お客様は保留中です。保留を解除するか、別の番号にかけてください。',
  },
  NOT_SUPPORTED: {
    what: '接続先の Genesys サービスはこの操作に対応していません。',
    fix: '電話機で操作するか、管理者に有効化を依頼してください。',
  },
  INVALID_DIGITS: {
    what: '通話中に送信できるのは 0〜9、*、# だけです。',
    fix: 'キーパッドのキーを使ってください。',
  },
  LINK_DOWN: {
    what: '電話システムと交換機の回線が切断されました。',
    fix: 'そのままお待ちください。回線が戻ると自動的に再ログインします。',
  },
  // Sign-in to the Genesys bridge (auth=bridge, issue 21)
  SIGN_IN_FAILED: {
    what: 'ユーザー名またはパスワードが正しくありません。',
    fix: '確認してもう一度サインインしてください。',
  },
  SIGN_IN_THROTTLED: {
    what: 'このユーザー名のサインイン試行が多すぎます。',
    fix: '1 分待ってからもう一度サインインしてください。',
  },
  SIGN_IN_INCOMPLETE: {
    what: 'ユーザー名またはパスワードが空です。',
    fix: '両方を入力してサインインしてください。',
  },
  BRIDGE_UNREACHABLE: {
    what: 'Genesys サービスに接続できません。',
    fix: 'ネットワークを確認してもう一度サインインしてください。繰り返す場合は管理者に伝えてください。',
  },
  SIGN_IN_ERROR: {
    what: 'Genesys サービスでサインインできませんでした。',
    fix: 'しばらくしてからもう一度お試しください。繰り返す場合はコードを管理者に伝えてください。',
  },
  SESSION_INVALID: {
    what: 'Genesys のセッションが終了しました。',
    fix: 'もう一度サインインしてください。通話は残っています。',
  },
  SSO_POPUP_BLOCKED: {
    what: 'ブラウザーが Genesys のサインイン ウィンドウをブロックしました。',
    fix: '下のリンクから開くか、このサイトのポップアップを許可してください。',
  },
  SSO_CANCELLED: {
    what: 'サインインの前に Genesys のサインイン ウィンドウが閉じられました。',
    fix: 'もう一度「Genesys でサインイン」を選んでください。',
  },
  SSO_TIMEOUT: {
    what: 'Genesys のサインインに時間がかかりすぎました。',
    fix: 'もう一度「Genesys でサインイン」を選んでください。',
  },
  UNKNOWN: {
    what: '問題が発生しました（コード {code}）。',
    fix: 'もう一度お試しください。繰り返す場合はコードを管理者に伝えてください。',
  },
};
