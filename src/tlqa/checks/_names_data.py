"""Word lists for the names family: what is not a name, titles that come before one, and the surnames
that tell an East Asian name (romanised, and in Hangul with their usual English spellings).

Plain data, imported only when a names rule runs.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The white-space separated words of a block of text, as a set."""
    return frozenset(text.split())


# Capitalised words that are not names: function words and frequent sentence openers, months and
# weekdays, and words of news copy that are capitalised without naming anyone.
NOT_NAMES = words(
    """
    a about above according after afterward again against ahead all almost already also although
    always among an and another any anyone anything are around as at back be because been before
    being below besides between both but by can cannot could despite did do does doing down during
    each earlier either else even ever every everyone everything except few first for from further
    had has have having he her here hers herself him himself his how however i if in including
    inside instead into is it its itself just last later least less like many may meanwhile might
    more moreover most much must my meanwhile near neither never nevertheless next no nobody none
    nor not nothing now of off often on once one only onto or other others otherwise our ours out
    outside over own per perhaps please rather same second several she should since so some someone
    something sometimes soon still such than that the their theirs them themselves then there
    therefore these they third this those though through throughout thus to today together tomorrow
    too toward towards under unless until up upon us very via was we were what whatever when
    whenever where whereas wherever whether which while who whoever whom whose why will with within
    without would yes yesterday yet you your yours yourself
    mr mrs ms dr prof st jr sr
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    north south east west northern southern eastern western central
    photo caption source note update updated editor reporter correspondent staff
    """
)

# Words of a title or office that come before a name ("CIA Director John Ratcliffe"); a name starts
# after the last of them.
TITLES = words(
    """
    president vice prime premier minister ministers director chairman chairwoman chairperson chair
    ceo cfo coo cto secretary spokesperson spokesman spokeswoman governor gov mayor senator sen rep
    representative lawmaker congressman congresswoman general gen commissioner ambassador envoy
    chief judge justice doctor professor prof dr mr mrs ms miss king queen prince princess pope
    emperor empress lt col maj sgt capt cpl adm admiral colonel major captain sergeant lieutenant
    officer detective inspector superintendent coach manager deputy assistant attorney lawyer
    chancellor speaker leader head pastor bishop cardinal rev reverend father sister brother
    founder cofounder co-founder executive president-elect analyst researcher actor actress singer
    star player striker midfielder pitcher designer artist author writer columnist anchor host
    """
)

# Romanised surnames that open a Korean or Chinese name (Lee Jae-myung, Han Duck-soo, Lin Jian):
# after one of them, the next one or two syllables are the given name.
EA_SURNAMES = words(
    """
    ahn an bae baek bak ban bang byun cha chae chang cheon cheong cho choe choi chon choo chu chun
    chung eom gang go gu gwak gwon ha ham han heo ho hong huh hwang hyun im jang jeon jeong ji jin
    jo joo ju jun jung kang kim ko koo kwak kwon lee lim maeng min moon mun na nam noh oh paik park
    rhee rho roh ryu seo seok seong shim shin sim sin so sohn son song suh sung um won woo yang yeo
    yi yim yoo yoon yu yun
    bai cai cao chen cheng cui dai deng ding dong du duan fan fang feng fu gao ge geng gong gu guo
    han hao he hou hu hua huang jia jiang jin kong lai lei li liang liao lin liu long lu luo lv ma mao
    meng mo niu pan peng qi qian qiao qin qiu ren shao shen shi song su sun tan tang tao tian wan
    wang wei wen wu xia xiang xiao xie xiong xu xue yan yang yao ye yi yin yu yuan zeng zhang zhao
    zheng zhong zhou zhu zou
    """
)

# Hangul surnames and the English spellings they usually take (Revised Romanization first).
KO_SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("gim", "kim"),
    "이": ("i", "lee", "yi", "rhee", "ri"),
    "리": ("ri", "lee", "li"),
    "박": ("bak", "park", "pak"),
    "최": ("choe", "choi"),
    "정": ("jeong", "jung", "chung", "cheong"),
    "강": ("gang", "kang"),
    "조": ("jo", "cho"),
    "윤": ("yun", "yoon"),
    "장": ("jang", "chang"),
    "임": ("im", "lim", "yim"),
    "림": ("rim", "lim"),
    "한": ("han",),
    "오": ("o", "oh"),
    "서": ("seo", "suh"),
    "신": ("sin", "shin"),
    "권": ("gwon", "kwon"),
    "황": ("hwang",),
    "안": ("an", "ahn"),
    "송": ("song",),
    "류": ("ryu", "yu", "yoo"),
    "유": ("yu", "yoo"),
    "전": ("jeon", "chun", "jun"),
    "홍": ("hong",),
    "고": ("go", "ko"),
    "문": ("mun", "moon"),
    "양": ("yang",),
    "손": ("son", "sohn"),
    "배": ("bae",),
    "백": ("baek", "paik", "baik"),
    "허": ("heo", "huh", "hur"),
    "노": ("no", "noh", "roh"),
    "남": ("nam",),
    "심": ("sim", "shim"),
    "하": ("ha",),
    "곽": ("gwak", "kwak"),
    "성": ("seong", "sung"),
    "차": ("cha",),
    "주": ("ju", "joo", "chu"),
    "우": ("u", "woo"),
    "구": ("gu", "koo", "ku"),
    "민": ("min",),
    "진": ("jin",),
    "나": ("na", "ra"),
    "지": ("ji",),
    "엄": ("eom", "um"),
    "채": ("chae",),
    "원": ("won",),
    "천": ("cheon", "chun"),
    "방": ("bang",),
    "공": ("gong", "kong"),
    "현": ("hyeon", "hyun"),
    "함": ("ham",),
    "변": ("byeon", "byun"),
    "염": ("yeom",),
    "여": ("yeo",),
    "추": ("chu", "choo"),
    "도": ("do",),
    "석": ("seok", "suk"),
    "선": ("seon", "sun"),
    "설": ("seol", "sul"),
    "마": ("ma",),
    "길": ("gil", "kil"),
    "연": ("yeon",),
    "위": ("wi", "wee"),
    "표": ("pyo",),
    "명": ("myeong", "myung"),
    "기": ("gi", "ki"),
    "반": ("ban",),
    "왕": ("wang",),
    "금": ("geum", "keum"),
    "옥": ("ok",),
    "육": ("yuk", "yook"),
    "인": ("in",),
    "맹": ("maeng",),
    "제": ("je",),
    "모": ("mo",),
    "탁": ("tak",),
    "국": ("guk", "kook"),
    "은": ("eun",),
    "편": ("pyeon",),
    "용": ("yong",),
    "예": ("ye",),
    "경": ("gyeong", "kyung"),
    "봉": ("bong",),
    "태": ("tae",),
    "형": ("hyeong", "hyung"),
    "두": ("du", "doo"),
    "제갈": ("jegal",),
    "남궁": ("namgung",),
    "황보": ("hwangbo",),
    "선우": ("seonu", "sunwoo"),
    "독고": ("dokgo",),
    "사공": ("sagong",),
}

# Hangul endings stripped from a word before it is read as a name: particles, and honorifics and
# titles written solid with the name (longest first).
KO_ENDINGS = tuple(
    sorted(
        words(
            """
        에게서 으로서 으로써 에서는 에게는 께서는 이라고 이라는 이라며 에서 에게 으로 께서 까지 부터
        처럼 보다 이며 이고 과는 와는 이나 이다 하고 이는 씨는 씨가 씨의 씨를 씨와 씨에게 씨
        은 는 이 가 을 를 의 에 와 과 도 로 만 측 님 등
        """
        ),
        key=lambda e: (-len(e), e),
    )
)

# Chinese surnames (simplified and traditional characters), for reading names out of a Chinese source.
ZH_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白"
    "邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯习習柯温溫"
    "施洪包庞龐樊兰蘭殷鲍鮑齐齊俞倪翁屈纪紀欧歐季祝柳严童阮单單"
)

# Toneless pinyin syllables (ü written u), to tell a pinyin given name ("Huixin" = hui + xin).
PINYIN_SYLLABLES = words(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
    cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
    chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
    deng di dia dian diao die din ding diu dong dou du duan dui dun duo e en eng er fa fan fang fei
    fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui
    gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia
    jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong
    kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang
    liao lie lin ling liu long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian
    miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie
    nin ning niu nong nou nu nuan nue nun nuo ou pa pai pan pang pao pei pen peng pi pian piao pie
    pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re
    ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang
    shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan
    sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
    wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan
    xue xun ya yan yang yao ye yi yin ying yong you yu yuan yue yun za zai zan zang zao ze zei zen
    zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang
    zhui zhun zhuo zi zong zou zu zuan zui zun zuo
    """
)

# Places and names one letter apart that are different places (Incheon and Icheon are two cities,
# Hunan and Henan two provinces): never spellings of each other.
DISTINCT = frozenset(
    frozenset(pair.split("/"))
    for pair in words(
        """
        incheon/icheon hunan/henan hubei/hebei shanxi/shaanxi austria/australia slovakia/slovenia
        iran/iraq
        """
    )
)
