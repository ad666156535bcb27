import type { ErrorCode } from './codes.js';

/**
 * The hint of every error code in Simplified Chinese, for the side that reads Chinese: the same
 * advice as the English hint in codes.ts, in the terms the web app's Chinese uses (记录 for an
 * event, 线路 for a link, 联署 for a cosignature). Typed by ErrorCode, so a new code without a
 * Chinese hint does not compile. Technical tokens (seq, JSON, RFC numbers, field names, flags)
 * stay as they are: they are what the specifications and the commands spell.
 */
export const HINTS_ZH: Readonly<Record<ErrorCode, string>> = {
  // Input formats
  E_JSON_NOT_CANONICAL: '该字节串是有效的 JSON，但不是 RFC 8785 规范 JSON；请使用 JCS 实现重新序列化。',
  E_JSON_UNSUPPORTED_VALUE: '规范 JSON 无法承载该值（undefined、函数、非有限数值或孤立代理项）；请将其删除。',
  E_ENCODING_INVALID: '某个十六进制或 base64 字段的字符集或长度有误；请检查该值的编码方式。',

  // Keys and signatures
  E_KEY_INVALID: '密钥文本不符合 name+keyid+base64(type||key) 格式；请向密钥持有方重新复制。',
  E_KEY_ID_MISMATCH: '密钥文本中的密钥 ID 与其名称和公钥不符；密钥文本已被改动或录入有误。',
  E_SIGNATURE_ALGORITHM_UNSUPPORTED: '该密钥使用的签名类型 Parley 尚未实现；请使用 Ed25519 密钥。',

  // Events
  E_EVENT_MALFORMED: '该记录不是含有 v、log、seq、prev、peer、ts、kind、actor、body、sig 且类型正确的 JSON 对象；请修正生成该记录的程序。',
  E_EVENT_NOT_CANONICAL: '该记录的字节不是其 RFC 8785 规范形式，因此并非签名和计算哈希时所用的字节。',
  E_EVENT_UNSIGNED: '该记录没有签名；只有经其所属日志密钥签名的记录才属于正式记录。',
  E_EVENT_SIGNATURE_INVALID: '该记录的签名无法用其所属日志的密钥验证：记录在签名后被改动，或由其他密钥签名。',
  E_EVENT_WRONG_LOG: '该记录标明的日志与其所在的日志不同；它曾在日志之间被移动。',
  E_EVENT_SEQ_GAP: '此前缺少记录（其 seq 大于下一个应有的序号）；请获取缺失的记录。',
  E_EVENT_OUT_OF_ORDER: '记录未按 seq 顺序排列；该日志已被重新排序。',
  E_EVENT_DUPLICATE: '同一条记录出现了两次；日志中含有副本。',
  E_EVENT_SEQ_REUSED: '同一日志签发的两条不同记录使用了同一 seq：该日志对两者均已签名，构成双重陈述。',
  E_EVENT_PREV_MISMATCH: '该记录的 prev 哈希不是前一条记录的哈希：链条已断裂（有记录被插入、替换或改动）。',
  E_PEER_REF_UNKNOWN: '该记录所引用的对方日志记录并不存在。',
  E_PEER_REF_MISMATCH: '该记录引用对方记录时所用的哈希并非该记录的哈希：两份日志之一已被改动。',
  E_PEER_REF_REGRESSED: '该记录引用的对方记录早于同一日志此前记录所引用的记录；日志对对方日志的了解只会增加，不会倒退。',
  E_PEER_REF_WRONG_LOG: '该记录的对方引用（peer）所指的日志并非本日志的对方日志。',
  E_PEER_REF_CYCLE: '两份日志各自引用了对方此后才写入的记录：两项引用不可能同时成立，记录已被篡改。',

  // Merkle proofs
  E_PROOF_INVALID: '该 Merkle 证明无法从叶子（或旧树）推导出给定的根。',
  E_PROOF_RANGE: '证明的索引或树大小超出范围（索引须小于树大小；旧树大小不得超过新树大小）。',

  // Notes, checkpoints, cosignatures
  E_NOTE_MALFORMED: '签名注记格式不正确：正文须以换行符结尾，其后为一个空行和形如“— name base64”的签名行。',
  E_NOTE_SIGNATURE_INVALID: '该注记上某个受信任密钥的签名未能通过验证：注记已被改动，或签名系伪造。',
  E_NOTE_UNTRUSTED: '该注记上没有任何受信任密钥的签名；请核实签名所用的密钥，以及所固定的密钥是否正确。',
  E_CHECKPOINT_MALFORMED: '检查点正文须依次为 origin 行、十进制树大小和 base64 根哈希，每项均以换行符结尾。',
  E_CHECKPOINT_ORIGIN_MISMATCH: '该检查点属于另一日志，而非预期的日志；检查点已被调换。',
  E_CHECKPOINT_ROOT_MISMATCH: '该日志签发的检查点的根并非其记录的根：日志已分叉，或其记录已被改写。',
  E_CHECKPOINT_INCONSISTENT: '新检查点不是上一次所见检查点的延续（一致性证明未通过）：该日志已被改写。',
  E_LOG_TRUNCATED: '已签名检查点涵盖的记录多于现存记录：日志末尾的记录已被删除。',
  E_COSIGNATURE_MISSING: '该检查点没有对方见证密钥的联署签名；对方从未对其作出担保。',
  E_COSIGNATURE_INVALID: '见证联署签名无法针对该检查点及其时间戳验证：签名系伪造，或属于另一检查点。',

  // Bundles
  E_BUNDLE_UNREADABLE: '无法读取导出包目录或其中某个文件；请检查路径和权限。',
  E_BUNDLE_MANIFEST_INVALID: '导出包清单（manifest.json）缺失、不是 JSON，或缺少必填字段（参见 docs/bundle.md）。',
  E_BUNDLE_SIZE_MISMATCH: '某日志文件中的记录条数与其清单所载大小不符。',
  E_BUNDLE_KEY_NOT_PINNED: '导出包中的某个密钥不在您用 --key 固定的密钥之列；该导出包由他方签名。',

  // Storage
  E_STORE_UNAVAILABLE: '无法连接数据库；请确认数据库正在运行，且连接 URL、用户名和数据库名正确。',
  E_LOG_UNKNOWN: '未存储以此 origin 命名的日志；请检查 origin 的拼写，或先创建该日志。',
  E_LOG_CONFLICT: '已存储同一 origin 的日志，但其角色或对方不同；一个 origin 只对应一份日志，请另选 origin。',
  E_EVENT_SEQ_TAKEN: '日志中已有另一条记录占用此 seq（另一写入方先行追加）；请重新读取日志头部，以下一个 seq 重新签署该记录后重试。',
  E_MERKLE_HASH_CONFLICT: '该索引处已存有不同的 Merkle 哈希：这些哈希是基于其他记录计算的；请根据已存储的日志重新计算。',
  E_MERKLE_HASH_MISSING: '所请求的 Merkle 哈希未存储：或其索引超出日志当前的树（请只请求已存储记录的哈希），或数据库丢失了数据行（请从备份恢复，并运行 parley verify）。',
  E_CHECKPOINT_UNKNOWN: '该日志未存储此大小的检查点；请先存储检查点，再为其添加联署签名。',
  E_PEER_ALREADY_PINNED: '已固定同名的对方节点，但其密钥或地址不同；密钥绝不会被悄然替换：请先通过线路以外的途径与对方管理员核实新密钥。',
  E_PEER_NOT_PINNED: '未固定此名称的对方节点；请先固定（parley peer add），或检查名称。',
  E_USER_EXISTS: '本节点已有同名或同 ID 的用户；请另选名称。',
  E_USER_UNKNOWN: '本节点没有此 ID 的用户；请检查 ID，或先创建该用户。',

  // The link between nodes
  E_LINK_UNAUTHENTICATED: '节点之间的请求必须带有 parley-from、parley-to、parley-date、parley-nonce 和 parley-signature 请求头；请经由 Parley 节点发送，而非手工发送。',
  E_LINK_PEER_UNKNOWN: '发送方节点未在本节点固定；须由其管理员通过线路以外的途径提供其密钥，再由您用 `parley peer add` 固定。',
  E_LINK_SIGNATURE_INVALID: '该请求并非由为该节点固定的密钥签名，或其收件节点为另一节点；如对方更换了密钥，请先通过线路以外的途径核实新密钥，再予固定。',
  E_LINK_REPLAYED: '此前已收到完全相同的已签名请求，同一请求绝不执行两次；真实的发送方会对每个请求重新签名。',
  E_LINK_CLOCK_SKEW: '该请求的签名时间与本节点时钟相差超过 5 分钟；请检查双方节点的时钟（NTP）。',
  E_LINK_UNTRUSTED: '因发现双重陈述的证据，与该对方节点的线路已被标记为不受信任；须由管理员审查证据并恢复信任（`parley peer trust`），方可再次交换记录。',
  E_PEER_UNREACHABLE: '对方节点没有应答（网络中断、代理故障或节点已停止）；发件队列会保留全部内容并自动重试，请检查网络路径和对方地址。',
  E_REQUEST_MALFORMED: '请求正文不是预期格式的有效 JSON；错误消息中指明了需要修正的字段。',
  E_BODY_TOO_LARGE: '请求正文超过该接口所能接受的大小；请分成较小的批次发送记录。',
  E_NOT_FOUND: '该地址下没有任何内容；请检查路径及其中的名称。',
  E_INTERNAL: '节点遇到意外情况，未因本次请求作任何更改；节点日志中有供管理员查阅的详细信息。',
  E_UNAUTHORIZED: '此接口需要有效的 Authorization: Bearer 令牌；请重新登录，或使用本节点的操作员令牌。',

  // Node configuration
  E_CONFIG_INVALID: '节点配置或密钥文件缺失或无效；请用 `parley init` 创建，或修正所指出的字段。',
  E_NODE_EXISTS: '该数据目录中已设置了节点；请使用其配置，或另选目录。',
  E_KEY_FILE_EXPOSED: '节点密钥文件可被其他用户读取；启动节点前请用 chmod 600 限制其权限。',
  E_PORT_IN_USE: '已有其他程序在该端口监听；请停止该程序，或另选端口（parley.json 中的 listen.port；演示环境请使用 --reset，并配合 --us-port 和 --cn-port）。',

  // Mechanism
  E_TRANSITION_INVALID: '此步骤不能从当前状态进行（例如对已商定的渠道再次表示同意）；请重新加载当前状态，并选择其允许的步骤。',
  E_WRONG_SIDE: '此步骤应由对方执行（例如同意本方自己的提议，或确认本方自己的消息）；请等待对方执行。',
  E_EVENT_KIND_UNKNOWN: '该记录类型（kind）不在机制目录中；请对照 docs/mechanism.md 检查其拼写。',
  E_EVENT_BODY_INVALID: '记录正文（body）不符合其类型的格式要求；请修正详细信息中指出的字段。',
  E_DEADLINE_INVALID: '期限或时间窗口不晚于其起始时间；请选择更晚的期限，或结束时间晚于开始时间的窗口。',
  E_POSITION_UNKNOWN: '未声明此 ID 的职位；请先声明该职位，或检查 ID。',
  E_COUNTERPART_INVALID: '对口职位必须是双方各自已声明、且级别相同的两个职位；请选择相互对应的职位。',
  E_CHANNEL_UNKNOWN: '不存在此 ID 的渠道；请先提议该渠道，或检查 ID。',
  E_CHANNEL_NOT_ACTIVE: '该渠道尚未商定或已关闭；请使用已商定或已暂停的渠道，或等待对方同意该渠道。',
  E_CHANNEL_SUSPENDED: '该渠道已处于暂停状态；如需恢复正常使用，请提议恢复并等待对方同意。',
  E_SCOPE_EMPTY: '在此级别或范围内，没有处于该步骤所需状态的本方渠道；请查看哪些渠道已商定或已暂停。',
  E_REQUEST_NOT_OPEN: '该请求已获答复、已撤回或已过期；请另行发送新的请求。',
  E_REQUEST_EXPIRED: '该请求的答复期限已过，无法再作答复；提出方可另行发送新的请求。',
  E_REQUEST_OPTION_UNKNOWN: '所选时间方案不在当前提出的方案之列；请从中选择一项，或提出新的反提议。',
  E_MESSAGE_THREAD_INVALID: '回复必须针对同一渠道上的消息；请从本渠道中选择所回复的消息。',
  E_NOTIFICATION_INVALID: '该通报未按商定格式填写；请更正详细信息中列出的字段。',
  E_NOTICE_TOO_SHORT: '发射窗口的开始时间早于商定的最短通知期所允许的时间；请推迟窗口，或提前通报。',
  E_TEMPLATE_UNKNOWN: '没有此 ID 和版本的已商定通报格式；请使用现行有效的格式。',
  E_SHORT_CODE_UNKNOWN: '该预先商定代码不在已商定的代码表中；请使用现行代码表中的代码，或写出完整消息。',
  E_CODE_LIST_INVALID: '代码表中每个代码只能出现一次，且须同时具备英文和中文文本；请修正所指出的条目。',
  E_ENGAGEMENT_REQUEST_NOT_ACCEPTED: '交流只能根据已接受的请求安排；请先接受其中一个时间方案。',
  E_READOUT_ALREADY_PUBLISHED: '每一方对一次交流只发布一份通稿，且只发布一次；如需补充，请附加译文，或以新消息发布更正。',
  E_READOUT_NOT_PUBLISHED: '该通稿尚未发布；请先发布，再附加译文。',
  E_JOINT_DOC_HASH_MISMATCH: '内容哈希与所提出的版本不同：双方所见文本不一致；请比对各版本，并联署所提出的版本。',
  E_JOINT_DOC_VERSION_STALE: '此版本不是该文件最新提出的版本；请审阅并联署最新版本。',

  // Export
  E_EXPORT_NOTHING_COSIGNED: '该线路的某一日志尚无带有另一方联署签名的检查点（或没有与另一日志已联署检查点相符的检查点）；请待双方互相见证对方日志后再行导出。',
  E_EXPORT_TARGET_EXISTS: '输出目录已存在且不为空；导出绝不覆盖已有的导出包：请另选新目录，或自行删除旧目录。',

  // Node mechanism
  E_SUBJECT_UNKNOWN: '该线路的记录中没有此 ID 的渠道、请求、消息、交流、通稿或文件；请检查 ID，或先行创建。',
  E_PEER_IDENTITY_UNKNOWN: '对方的第一条记录（其身份、所属一方及时区）尚未到达，本节点因而无法区分双方；请待线路完成一次交换后再试。',

  // Search
  E_SEARCH_INDEX_UNAVAILABLE: '数据库无法容纳搜索索引：PostgreSQL 需要 pg_trgm 扩展（Debian：安装与服务器主版本对应的 postgresql-contrib，再以有相应权限的用户执行 CREATE EXTENSION pg_trgm），SQLite 需要 3.34 或更高版本；请修复数据库后重新启动节点。',
  E_SEARCH_QUERY_INVALID: '搜索请求超出限制：最多 200 个字符、16 个词，limit 为 1 至 100，offset 不小于 0；请缩短查询或分页浏览结果。',

  // Usage
  E_USAGE: '命令调用方式有误；请查看其 --help。',
};
