/**
 * Word lists for the demo data: names of people, places and companies, and the address
 * codes of identity numbers. Everything here is invented or common; the place names of the
 * demo district are fictional so that nobody mistakes the demo for a real quarter.
 */

/**
 * Surnames with weights in 0.01 % of the population, after the national surname statistics
 * of the Ministry of Public Security (2020), nudged towards Zhejiang (陈, 徐, 金, 沈, 俞, 应, 楼
 * and 章 are more frequent there than nationally).
 */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 710], ['李', 640], ['张', 640], ['陈', 620], ['刘', 450], ['杨', 300], ['黄', 240],
  ['吴', 240], ['周', 220], ['徐', 220], ['赵', 200], ['朱', 150], ['孙', 140], ['胡', 140],
  ['马', 130], ['郭', 110], ['何', 110], ['林', 110], ['高', 105], ['金', 100], ['沈', 95],
  ['罗', 90], ['郑', 90], ['梁', 80], ['谢', 80], ['许', 75], ['宋', 70], ['唐', 70],
  ['韩', 60], ['冯', 60], ['邓', 55], ['曹', 55], ['彭', 50], ['曾', 50], ['肖', 50],
  ['田', 48], ['董', 48], ['袁', 47], ['潘', 50], ['于', 45], ['蒋', 50], ['蔡', 45],
  ['余', 45], ['杜', 40], ['叶', 50], ['程', 40], ['苏', 40], ['魏', 38], ['吕', 38],
  ['丁', 38], ['任', 36], ['姚', 36], ['卢', 34], ['姜', 34], ['崔', 30], ['钟', 30],
  ['谭', 28], ['陆', 36], ['汪', 36], ['范', 30], ['石', 28], ['廖', 26], ['贾', 26],
  ['夏', 28], ['方', 32], ['邹', 24], ['孟', 22], ['熊', 22], ['秦', 22], ['邱', 22],
  ['江', 24], ['尹', 20], ['薛', 20], ['段', 18], ['雷', 18], ['侯', 18], ['史', 18],
  ['陶', 20], ['顾', 24], ['毛', 22], ['郝', 16], ['龚', 18], ['邵', 22], ['万', 16],
  ['钱', 24], ['严', 18], ['戴', 18], ['俞', 24], ['应', 18], ['楼', 14], ['章', 20],
  ['孔', 14], ['汤', 16], ['葛', 14], ['童', 14], ['傅', 18], ['屠', 8], ['裘', 6],
  ['欧阳', 8], ['诸葛', 2], ['司马', 2], ['上官', 2],
];

/**
 * Given names by sex and by the generation they are typical of: parents named children
 * 建国 or 秀英 in the 1950s, 海涛 or 丽萍 in the 1970s and 子轩 or 欣怡 after 2000.
 * Each generation mixes one- and two-character names.
 */
export type Generation = 'elder' | 'middle' | 'young' | 'child';

export const MALE_GIVEN_NAMES: Readonly<Record<Generation, readonly string[]>> = {
  elder: [
    '建国', '建华', '国强', '国华', '志强', '志明', '德明', '学军', '卫东', '建军', '长林',
    '金根', '金龙', '根发', '福林', '荣华', '国庆', '秋生', '水根', '永康', '树林', '宝林',
    '伟', '强', '军', '明', '刚', '平', '华', '林', '忠', '海', '斌', '勇',
  ],
  middle: [
    '海涛', '文斌', '永刚', '晓东', '建平', '立新', '伟民', '志刚', '俊杰', '海峰', '晓明',
    '国栋', '振华', '宏伟', '剑锋', '小军', '立军', '卫国', '伟东', '建伟', '旭东', '红军',
    '伟', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '辉', '鹏', '峰', '毅', '锋', '亮',
  ],
  young: [
    '鹏飞', '昊天', '博文', '晨阳', '一鸣', '嘉豪', '天宇', '俊豪', '宇航', '子豪', '家乐',
    '文涛', '凯文', '志远', '泽宇', '思远', '浩', '杰', '磊', '宇', '晨', '哲', '凯', '鑫',
    '帆', '旭', '健', '俊', '阳', '超', '伟',
  ],
  child: [
    '子轩', '浩然', '梓睿', '宇轩', '俊熙', '一诺', '沐宸', '皓轩', '奕辰', '梓豪', '子墨',
    '睿', '辰', '航', '泽', '铭', '轩',
  ],
};

export const FEMALE_GIVEN_NAMES: Readonly<Record<Generation, readonly string[]>> = {
  elder: [
    '秀英', '桂英', '秀兰', '玉兰', '桂兰', '凤英', '秀珍', '玉珍', '淑珍', '美华', '月娥',
    '彩凤', '素芬', '翠英', '金凤', '菊英', '彩娥', '月仙', '爱娟', '美娟', '阿英', '雪琴',
    '英', '芳', '兰', '珍', '萍', '华', '琴', '梅',
  ],
  middle: [
    '丽华', '美玲', '晓燕', '雅琴', '丽娟', '红梅', '海燕', '春梅', '丽萍', '晓红', '文静',
    '秀芳', '建芬', '卫红', '慧芳', '雪芬', '燕萍', '亚萍', '利娟', '红霞',
    '艳', '芳', '敏', '静', '丽', '娟', '霞', '燕', '玲', '红', '萍', '琳',
  ],
  young: [
    '婷婷', '晓雯', '佳琪', '梦瑶', '思雨', '佳怡', '雨婷', '诗琪', '倩倩', '静怡', '晓璐',
    '丹丹', '雪', '琳', '颖', '洁', '倩', '悦', '婷', '蕾', '露', '瑶', '璐', '薇',
  ],
  child: [
    '欣怡', '梓涵', '诗涵', '雨萱', '一诺', '可馨', '若汐', '语桐', '梓萱', '芷若', '思彤',
    '涵', '萱', '瑶', '悦', '彤',
  ],
};

/**
 * Address codes (GB/T 2260) of Zhejiang where owners' identity numbers were first issued,
 * with weights: most owners of a Hangzhou quarter come from Hangzhou itself, many from the
 * rest of the province. Some codes are of counties since merged (330103 下城, 330104 江干,
 * 330183 富阳市): identity numbers keep the code they were issued under.
 */
export const ZHEJIANG_AREA_CODES: ReadonlyArray<readonly [string, number]> = [
  // Hangzhou
  ['330102', 30], ['330103', 20], ['330104', 20], ['330105', 25], ['330106', 35],
  ['330108', 10], ['330109', 20], ['330110', 20], ['330111', 6], ['330112', 5],
  ['330122', 5], ['330127', 5], ['330182', 5], ['330183', 5], ['330185', 4],
  // Ningbo
  ['330203', 4], ['330205', 3], ['330206', 3], ['330211', 2], ['330212', 4], ['330225', 2],
  ['330226', 2], ['330281', 3], ['330282', 3],
  // Wenzhou
  ['330302', 4], ['330303', 2], ['330304', 2], ['330324', 2], ['330326', 2], ['330327', 2],
  ['330381', 3], ['330382', 3],
  // Jiaxing
  ['330402', 3], ['330411', 2], ['330421', 2], ['330424', 2], ['330481', 3], ['330482', 2],
  ['330483', 3],
  // Huzhou
  ['330502', 3], ['330503', 2], ['330521', 3], ['330522', 2], ['330523', 2],
  // Shaoxing
  ['330602', 4], ['330603', 3], ['330604', 3], ['330624', 2], ['330681', 4], ['330683', 2],
  // Jinhua
  ['330702', 3], ['330703', 2], ['330723', 2], ['330726', 2], ['330781', 2], ['330782', 3],
  ['330783', 3], ['330784', 2],
  // Quzhou
  ['330802', 2], ['330803', 1], ['330822', 1], ['330825', 1], ['330881', 1],
  // Zhoushan
  ['330902', 2], ['330903', 1],
  // Taizhou
  ['331002', 2], ['331003', 2], ['331004', 2], ['331023', 2], ['331081', 3], ['331082', 3],
  // Lishui
  ['331102', 2], ['331121', 2], ['331122', 1], ['331181', 1],
];

/**
 * Address codes of the provinces most migrant workers in Hangzhou come from (Anhui,
 * Jiangxi, Henan, Sichuan, Hunan, Guizhou, Jiangsu, Hubei): used for floating residents.
 */
export const OTHER_PROVINCE_AREA_CODES: ReadonlyArray<readonly [string, number]> = [
  ['340121', 4], ['341221', 5], ['341222', 4], ['341523', 3], ['342423', 3], ['340826', 3],
  ['360124', 3], ['361128', 3], ['362226', 2], ['360732', 2],
  ['411323', 3], ['411528', 3], ['411623', 3], ['410527', 2],
  ['511621', 3], ['510722', 2], ['513723', 2],
  ['430524', 2], ['431023', 2],
  ['522426', 2], ['520221', 2],
  ['320721', 2], ['321323', 2],
  ['420921', 2], ['421123', 2],
];

/** Mobile prefixes of the three operators, weighted roughly by how many numbers they hold. */
export const MOBILE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['130', 4], ['131', 4], ['132', 3], ['133', 3], ['134', 3], ['135', 6], ['136', 5],
  ['137', 5], ['138', 6], ['139', 6], ['147', 1], ['150', 4], ['151', 4], ['152', 3],
  ['153', 2], ['155', 2], ['156', 2], ['157', 3], ['158', 4], ['159', 4], ['166', 1],
  ['173', 1], ['177', 2], ['178', 2], ['180', 2], ['181', 2], ['182', 2], ['183', 2],
  ['185', 2], ['186', 3], ['187', 3], ['188', 3], ['189', 3], ['191', 1], ['198', 1],
  ['199', 1],
];

/** The fictional district of the demo, in Hangzhou. */
export const DEMO_DISTRICT_NAME = '翠湖区';
export const DEMO_CITY = '杭州市';
export const DEMO_PROVINCE = '浙江省';
/** Short form of the province on property certificates (不动产权证书). */
export const PROVINCE_SHORT = '浙';

/** Two-character words that make plausible (and mostly fictional) place names. */
export const PLACE_WORDS: readonly string[] = [
  '梧桐', '清溪', '望江', '桂园', '枫林', '云栖', '观澜', '江悦', '翠竹', '金桂',
  '银杏', '碧水', '锦绣', '阳光', '春江', '秋水', '明月', '丹桂', '紫荆', '兰亭',
  '香樟', '绿洲', '青枫', '翠屏', '玉泉', '凤起', '龙井', '松涛', '柳岸', '荷塘',
  '白鹭', '星河', '朝晖', '晓风', '蓝湾', '东篱', '南湖', '西溪', '北苑', '天成',
  '和睦', '嘉禾', '瑞丰', '永安', '长庆', '新华', '兴隆', '富春', '宝石', '湖畔',
  '梅岭', '竹韵', '石桥', '半山', '九莲', '三墩', '古荡', '双溪', '金沙', '银湖',
  '花港', '曲院', '万松', '千岛', '灵峰', '月桂', '芳草', '晴川', '瑶池', '澄园',
  '昌盛', '景和', '华苑', '康桥', '文渊', '书香', '采荷', '景芳', '丁香', '海棠',
];

/** Endings of quarter names: 花园, 苑, 新村, 公寓 and the like. */
export const QUARTER_SUFFIXES: readonly string[] = [
  '花园', '苑', '新村', '公寓', '家园', '雅苑', '嘉园', '名苑', '华庭', '府', '小区', '公馆',
];

/** Road names for addresses. */
export const ROAD_SUFFIXES: readonly string[] = ['路', '街', '大道', '巷'];

/** Words for the developers' company names (…置业有限公司, …房地产开发有限公司). */
export const COMPANY_SUFFIXES: readonly string[] = ['置业有限公司', '房地产开发有限公司', '房地产有限公司'];

/** Chinese numerals for phases (一期, 二期) and numbered communities. */
export const CHINESE_NUMERALS: readonly string[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Notes on residents who need care (ZAS 6.2.2.2: special groups). */
export const CARE_NOTES = {
  livingAlone: '独居老人',
  disabled: [
    '残疾人（肢体三级）',
    '残疾人（视力二级）',
    '残疾人（听力三级）',
    '残疾人（肢体四级）',
    '残疾人（智力三级）',
  ],
  lowIncome: '低保户',
} as const;
