"""Texts we wrote for the ingest fixtures and the bundled samples (fictional but plausible; no copied sentences).

Each document is a dict: title, authors [(name, affiliation, role)], caption, headings/paragraphs as a list of
("heading" | "paragraph", text), note, publisher. ``make_fixtures.py`` renders them as PDF text extracts, as PDFs
from two generators, and writes the expected structure next to each fixture.
"""

from __future__ import annotations

from typing import Any

COMMENTARY_HANT: dict[str, Any] = {
    "name": "commentary_zh_hant",
    "lang": "zh-Hant",
    "caption": "日韓兩國領袖在東京首相官邸會談後共同會見記者。（圖片來源："
    "https://www.example.org/photos/2025/tokyo-summit?id=48213&ref=east-asia）",
    "caption_url": "https://www.example.org/photos/2025/tokyo-summit?id=48213&ref=east-asia",
    "title": "東京峰會之後的東北亞外交新局",
    "authors": [("王建華", "東亞戰略研究中心", "副研究員")],
    "publisher": "東亞和平研究基金會",
    "body": [
        (
            "paragraph",
            "十月上旬南韓總統出訪日本，在東京與日本首相舉行高峰會談，這是兩國關係在經歷多年低潮後的重要轉折。"
            "過去數年間，首爾與東京因歷史問題、出口管制與軍事情報協定爭議而互不信任，雙方的外交與國防部門一度"
            "中斷定期對話。此次峰會不僅恢復了兩國領袖的互訪機制，也讓外界重新評估美日韓三邊合作的前景。",
        ),
        ("heading", "首爾與東京的關係修補"),
        (
            "paragraph",
            "兩國領袖在會後發表聯合聲明，同意在供應鏈、能源安全與人工智慧等領域擴大合作，並重申推動「穿梭外交」"
            "（Shuttle Diplomacy）的承諾。這是自 2018 年以來兩國首次在領袖層級簽署涵蓋安保議題的共同文件。"
            "日本首相並宣布，兩國將成立部長級的經濟安全協商機制，每半年舉行一次會議。",
        ),
        (
            "paragraph",
            "南韓方面則表示，願意在歷史問題上與日方保持對話，但要求東京正視強制勞動受害者的訴求。首爾的外交部長"
            "在記者會上指出，兩國在 1965 年建交時留下的爭議仍需處理，不過這些問題不應阻礙雙方在安保與經濟上"
            "的合作。",
        ),
        ("heading", "北京的強烈反應"),
        (
            "paragraph",
            "對於日韓接近，中國外交部發言人在例行記者會上批評日本「以安保之名擴張軍備」，並指責東京在臺灣問題上"
            "干涉中國內政。北京同時召見日本駐華大使，就日本防衛預算連續第三年創新高一事提出嚴正交涉。中國國防部"
            "亦宣布，解放軍將在東海舉行為期五天的實彈演習，外界普遍認為此舉是對日韓聯合聲明的回應。",
        ),
        ("heading", "平壤的飛彈試射與三方回應"),
        (
            "paragraph",
            "就在峰會結束後第三天，北韓向日本海方向發射一枚中程彈道飛彈，飛行距離約 1,000 公里。美國、日本與"
            "南韓隨即發表共同聲明，譴責北韓違反聯合國安理會決議，並要求平壤立即停止一切挑釁行為。美國印太司令部"
            "司令帕帕羅（Samuel Paparo）上將則表示，美軍將與盟國密切協調，確保區域的嚇阻能力。",
        ),
        (
            "paragraph",
            "三國隨後在濟州島以南海域舉行聯合海上演習，美國航空母艦首度參與此類三方訓練。華盛頓也宣布對兩家協助"
            "北韓取得飛彈零件的第三國企業實施制裁，日本與南韓則表示將跟進採取獨自制裁措施。",
        ),
        (
            "paragraph",
            "總之，日韓關係的改善為美日韓安保合作奠定了基礎，但北京與平壤的反應顯示，東北亞的緊張情勢短期內難以"
            "緩和。未來各方如何在對話與嚇阻之間取得平衡，將是區域穩定的關鍵。",
        ),
    ],
    "note": "編按：本文僅代表作者個人觀點，不代表東亞和平研究基金會之政策與立場。",
}

# A second extract-style text in Simplified Chinese (fixture only): two authors, a date line, no caption.
ANALYSIS_HANS: dict[str, Any] = {
    "name": "analysis_zh_hans",
    "lang": "zh-Hans",
    "caption": None,
    "title": "朝鲜导弹试射后的半岛局势",
    "authors": [("刘志强", "北方国际问题研究院", "研究员"), ("陈静", "海峡大学国际关系学院", "教授")],
    "date": "2025年9月12日",
    "publisher": None,
    "body": [
        (
            "paragraph",
            "九月初，朝鲜向半岛东部海域发射两枚短程弹道导弹，这是该国今年第七次进行类似试射。韩国联合参谋本部"
            "在第一时间通报了导弹的飞行距离和高度，日本政府也随即召开国家安全保障会议。",
        ),
        ("heading", "美日韩的共同谴责"),
        (
            "paragraph",
            "美国、日本和韩国的外长随后通电话，共同谴责朝鲜违反联合国安理会决议，并敦促平壤回到对话轨道。三国"
            "同意加强导弹预警信息的实时共享，并计划在本月下旬举行联合反导演习。",
        ),
        (
            "paragraph",
            "美国财政部同日宣布，对三名协助朝鲜获取外汇的个人实施制裁。韩国外交部表示，将与国际社会密切合作，"
            "阻止朝鲜通过网络犯罪筹集资金。",
        ),
        ("heading", "中俄的不同立场"),
        (
            "paragraph",
            "中国外交部发言人表示，各方应保持冷静克制，通过政治途径解决半岛问题，反对单方面制裁。俄罗斯外交部"
            "则批评美日韩的联合演习加剧了地区紧张局势。",
        ),
    ],
    "note": "编者按：本文观点仅代表作者本人。",
}

NEWS_HANS = [
    {
        "name": "news_zh_hans_1",
        "text": "中方就日本防卫白皮书提出严正交涉\n\n"
        "新华社北京7月15日电 中国外交部发言人15日在例行记者会上表示，日本政府当天发布的年度防卫白皮书渲染"
        "所谓“中国威胁”，干涉中国内政，中方对此表示强烈不满和坚决反对，已通过外交渠道向日方提出严正交涉。\n\n"
        "发言人说，日方近年来不断突破“专守防卫”原则，大幅增加防卫预算，引起亚洲邻国的高度警惕。中方敦促日方"
        "停止在台湾问题上发表错误言论，切实恪守中日四个政治文件的原则。\n\n"
        "同日，外交部亚洲司负责人召见日本驻华使馆首席公使，要求日方立即纠正错误做法。韩国外交部当天也表示，"
        "对白皮书中关于独岛的表述表示遗憾，并召见日本驻韩使馆官员提出抗议。\n",
    },
    {
        "name": "news_zh_hans_2",
        "text": "韩美日谴责朝鲜发射弹道导弹\n\n"
        "新华社首尔9月3日电 韩国联合参谋本部3日称，朝鲜当天上午向半岛东部海域发射一枚中程弹道导弹，"
        "导弹飞行约一千公里后落入日本专属经济区以外海域。\n\n"
        "韩国、美国和日本随后发表联合声明，谴责朝鲜违反联合国安理会决议，要求朝鲜停止一切挑衅行为。"
        "韩国总统当天与美国总统通电话，双方同意加强延伸威慑合作。日本首相表示，日本已通过北京的外交渠道"
        "向朝鲜提出强烈抗议。\n\n"
        "中国外交部发言人在记者会上呼吁有关各方保持克制，通过对话协商解决分歧。俄罗斯则表示反对美日韩"
        "在半岛周边举行联合军事演习。\n",
    },
]

NEWS_EN = [
    {
        "name": "news_en_1",
        "text": "Seoul and Tokyo pledge closer security ties at summit\n\n"
        "TOKYO, Oct. 8 -- South Korea's president and Japan's prime minister agreed on Wednesday to resume regular "
        "defense talks and signed a joint statement on economic security, the first such document in seven years.\n\n"
        "The two leaders met for two hours at the prime minister's office in Tokyo. Japan offered to share "
        "early-warning data on North Korean missiles in real time, and South Korea invited the Japanese leader "
        "to visit Seoul early next year.\n\n"
        "China's foreign ministry criticized the agreement, accusing Japan of using the summit to justify a "
        "military build-up. Beijing summoned Japan's ambassador to protest against Tokyo's latest defense "
        "white paper.\n\n"
        "Washington welcomed the statement. The U.S. secretary of state said the United States would host a "
        "trilateral meeting of foreign ministers in November.\n",
    },
    {
        "name": "news_en_2",
        "text": "U.S., Japan and South Korea condemn North Korean missile launch\n\n"
        "WASHINGTON, Sept. 3 -- The United States, Japan and South Korea on Tuesday condemned North Korea's launch "
        "of an intermediate-range ballistic missile and demanded that Pyongyang halt its weapons programs.\n\n"
        "In a joint statement, the three governments said the launch violated United Nations Security Council "
        "resolutions. The U.S. Treasury imposed sanctions on two shipping firms accused of helping North Korea "
        "evade an oil embargo.\n\n"
        "The three navies held a joint missile-defense drill in waters south of Jeju Island on Thursday. Russia "
        "criticized the drill, and China urged all sides to exercise restraint and return to dialogue.\n",
    },
]

# An English report rendered as a PDF (two generators share it).
REPORT_EN: dict[str, Any] = {
    "name": "report_en",
    "lang": "en",
    "caption": None,
    "title": "Summit Diplomacy in Northeast Asia",
    "authors": [("Helen Park", "Pacific Policy Institute", "Senior Fellow")],
    "publisher": None,
    "body": [
        (
            "paragraph",
            "The leaders of South Korea and Japan met in Tokyo in October and agreed to resume regular defense "
            "consultations after a long pause. Their joint statement covered supply chains, energy security and "
            "the coordination of their responses to North Korean missile launches. Observers in both capitals "
            "described the meeting as the most substantive bilateral summit in almost a decade.",
        ),
        ("heading", "Reactions in Beijing"),
        (
            "paragraph",
            "China's foreign ministry criticized the statement and accused Tokyo of interfering in China's internal "
            "affairs. Beijing summoned the Japanese ambassador and announced five days of live-fire exercises in "
            "the East China Sea. Chinese officials also warned Seoul against joining what they called exclusive "
            "military blocs, and they postponed a scheduled round of trade negotiations with both governments.",
        ),
        ("heading", "The missile test"),
        (
            "paragraph",
            "Three days after the summit North Korea launched an intermediate-range ballistic missile into the sea "
            "east of the peninsula. The United States, Japan and South Korea condemned the launch in a joint "
            "statement and demanded that Pyongyang return to negotiations. Washington imposed sanctions on two "
            "trading companies, and the three navies held a missile-defense drill south of Jeju Island. The "
            "governments also pledged to strengthen their enforcement of existing export controls.",
        ),
    ],
    "note": "Editor's note: The views expressed are the author's own.",
    # A photo after the first paragraph, with a caption in small type and no marker.
    "figure": (0, "The two leaders after their talks at the prime minister's office."),
}
