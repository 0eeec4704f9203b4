// Demo shared instruments (issue 17): three institutions' large instruments and half a year of
// bookings, so the sharing metrics show something. Fictional; deterministic (no Math.random).
import { organisations, orgAdminId, users } from "./organisations";

type Service = "OPERATOR" | "SELF_OPERATED";
export type DemoInstrument = {
  id: string;
  organisationId: string;
  name: string;
  nameEn: string;
  categoryCode: string;
  maker: string;
  model: string;
  specs: string;
  building: string;
  room: string;
  services: Service[];
  priceUnit: "HOUR" | "SAMPLE";
  prices: [internal: number, partner: number, external: number];
  sampleRequirements?: string;
};

const I = (
  id: string,
  organisationId: string,
  name: string,
  nameEn: string,
  categoryCode: string,
  maker: string,
  model: string,
  specs: string,
  building: string,
  room: string,
  priceUnit: "HOUR" | "SAMPLE",
  prices: [number, number, number],
  services: Service[] = ["OPERATOR"],
  sampleRequirements?: string,
): DemoInstrument => ({ id, organisationId, name, nameEn, categoryCode, maker, model, specs, building, room, services, priceUnit, prices, sampleRequirements });

export const demoInstruments: DemoInstrument[] = [
  // 南岭科技大学 分析测试中心
  I(
    "ins-nl-xrd",
    "org-nanling",
    "X射线衍射仪",
    "X-ray diffractometer",
    "0103",
    "Bruker",
    "D8 Advance",
    "Cu 靶，2θ -110°~168°，林克斯阵列探测器",
    "分析测试中心",
    "A102",
    "SAMPLE",
    [60, 100, 180],
    ["OPERATOR", "SELF_OPERATED"],
    "粉末 ≥ 0.5 g；块体 ≤ 20 mm × 20 mm × 5 mm",
  ),
  I(
    "ins-nl-sem",
    "org-nanling",
    "场发射扫描电子显微镜",
    "Field emission SEM",
    "0101",
    "Hitachi",
    "SU8010",
    "分辨率 1.0 nm @15 kV，配能谱仪（EDS）",
    "分析测试中心",
    "A105",
    "HOUR",
    [200, 320, 480],
    ["OPERATOR", "SELF_OPERATED"],
    "样品须干燥、导电或喷金；磁性样品请事先说明",
  ),
  I(
    "ins-nl-tem",
    "org-nanling",
    "球差校正透射电子显微镜",
    "Aberration-corrected TEM",
    "0101",
    "Thermo Fisher",
    "Titan Themis G2",
    "点分辨率 0.06 nm，STEM-HAADF，EDS 面扫",
    "分析测试中心",
    "A001",
    "HOUR",
    [600, 900, 1500],
    ["OPERATOR"],
    "超薄切片或 FIB 制样，厚度 < 100 nm",
  ),
  I(
    "ins-nl-nmr",
    "org-nanling",
    "核磁共振波谱仪 600 MHz",
    "600 MHz NMR spectrometer",
    "0106",
    "Bruker",
    "Avance NEO 600",
    "1H/13C/19F/31P，超低温探头",
    "化学楼",
    "B210",
    "SAMPLE",
    [80, 150, 300],
    ["OPERATOR"],
    "溶液样品 ≥ 5 mg，注明氘代溶剂",
  ),
  I(
    "ins-nl-lcms",
    "org-nanling",
    "液相色谱-质谱联用仪",
    "LC-MS/MS",
    "0102",
    "Agilent",
    "6546 Q-TOF",
    "分辨率 > 40000，质量精度 < 1 ppm",
    "化学楼",
    "B215",
    "SAMPLE",
    [150, 260, 450],
    ["OPERATOR"],
  ),
  I(
    "ins-nl-icp",
    "org-nanling",
    "电感耦合等离子体质谱仪 ICP-MS",
    "ICP-MS",
    "0102",
    "Thermo Fisher",
    "iCAP RQ",
    "检出限 ppt 级，He 碰撞模式",
    "化学楼",
    "B220",
    "SAMPLE",
    [100, 160, 260],
    ["OPERATOR"],
    "须消解为澄清溶液",
  ),
  I(
    "ins-nl-xps",
    "org-nanling",
    "X射线光电子能谱仪",
    "X-ray photoelectron spectrometer",
    "0104",
    "Thermo Fisher",
    "ESCALAB Xi+",
    "单色 Al Kα，深度剖析",
    "分析测试中心",
    "A110",
    "SAMPLE",
    [200, 300, 500],
    ["OPERATOR"],
  ),
  I(
    "ins-nl-raman",
    "org-nanling",
    "激光共聚焦拉曼光谱仪",
    "Confocal Raman spectrometer",
    "0104",
    "Horiba",
    "LabRAM HR Evolution",
    "532/633/785 nm 激光，面扫成像",
    "分析测试中心",
    "A112",
    "HOUR",
    [100, 160, 260],
    ["OPERATOR", "SELF_OPERATED"],
  ),
  I(
    "ins-nl-hpc",
    "org-nanling",
    "高性能计算集群",
    "High-performance computing cluster",
    "13",
    "Sugon",
    "TC6600",
    "2 万核 CPU，64 块 A800 GPU",
    "信息楼",
    "机房 3",
    "HOUR",
    [2, 4, 8],
    ["SELF_OPERATED"],
  ),
  I(
    "ins-nl-emc",
    "org-nanling",
    "3 米法电磁兼容暗室",
    "3 m EMC anechoic chamber",
    "0402",
    "ETS-Lindgren",
    "FACT-3",
    "30 MHz–18 GHz 辐射发射与抗扰度",
    "电子楼",
    "E001",
    "HOUR",
    [300, 500, 800],
    ["OPERATOR"],
  ),
  I(
    "ins-nl-vna",
    "org-nanling",
    "矢量网络分析仪 67 GHz",
    "67 GHz vector network analyser",
    "0404",
    "Keysight",
    "N5227B",
    "10 MHz–67 GHz，四端口",
    "电子楼",
    "E210",
    "HOUR",
    [120, 200, 320],
    ["SELF_OPERATED", "OPERATOR"],
  ),
  I(
    "ins-nl-cmm",
    "org-nanling",
    "三坐标测量机",
    "Coordinate measuring machine",
    "0301",
    "Zeiss",
    "CONTURA G2",
    "测量范围 1000×1200×600 mm，MPE 1.8 μm",
    "机械楼",
    "M103",
    "HOUR",
    [100, 150, 240],
    ["OPERATOR"],
  ),
  // 光明先进材料研究院 材料表征平台
  I(
    "ins-gm-xrd",
    "org-gmam",
    "高分辨X射线衍射仪",
    "High-resolution X-ray diffractometer",
    "0103",
    "Rigaku",
    "SmartLab 9kW",
    "旋转阳极，薄膜、残余应力与织构附件",
    "表征平台",
    "101",
    "SAMPLE",
    [80, 120, 200],
    ["OPERATOR"],
    "薄膜样品注明基底",
  ),
  I(
    "ins-gm-sem",
    "org-gmam",
    "扫描电子显微镜（含 EBSD）",
    "SEM with EBSD",
    "0101",
    "ZEISS",
    "Sigma 500",
    "分辨率 0.8 nm，EBSD 晶粒取向分析",
    "表征平台",
    "105",
    "HOUR",
    [180, 280, 420],
    ["OPERATOR", "SELF_OPERATED"],
  ),
  I(
    "ins-gm-afm",
    "org-gmam",
    "原子力显微镜",
    "Atomic force microscope",
    "0108",
    "Bruker",
    "Dimension Icon",
    "PeakForce 定量纳米力学",
    "表征平台",
    "108",
    "HOUR",
    [120, 180, 300],
    ["SELF_OPERATED", "OPERATOR"],
  ),
  I(
    "ins-gm-tga",
    "org-gmam",
    "同步热分析仪 TGA/DSC",
    "Simultaneous thermal analyser (TGA/DSC)",
    "0109",
    "NETZSCH",
    "STA 449 F5",
    "RT–1600 °C，N2/空气/Ar",
    "表征平台",
    "112",
    "SAMPLE",
    [60, 90, 150],
    ["OPERATOR"],
    "5–20 mg，注明是否含卤素",
  ),
  I(
    "ins-gm-dsc",
    "org-gmam",
    "差示扫描量热仪",
    "Differential scanning calorimeter",
    "0109",
    "TA Instruments",
    "DSC 2500",
    "-90–725 °C，调制 DSC",
    "表征平台",
    "113",
    "SAMPLE",
    [50, 80, 130],
    ["OPERATOR", "SELF_OPERATED"],
  ),
  I(
    "ins-gm-bet",
    "org-gmam",
    "比表面积及孔径分析仪",
    "Surface area and porosity analyser (BET)",
    "0113",
    "Micromeritics",
    "ASAP 2460",
    "比表面积 0.0005 m²/g 起，微孔分析",
    "表征平台",
    "115",
    "SAMPLE",
    [80, 120, 200],
    ["OPERATOR"],
  ),
  I(
    "ins-gm-psa",
    "org-gmam",
    "激光粒度分析仪",
    "Laser particle size analyser",
    "0205",
    "Malvern",
    "Mastersizer 3000",
    "0.01–3500 μm，湿法/干法",
    "表征平台",
    "116",
    "SAMPLE",
    [40, 60, 100],
    ["OPERATOR", "SELF_OPERATED"],
  ),
  I(
    "ins-gm-utm",
    "org-gmam",
    "电子万能材料试验机",
    "Universal testing machine",
    "0201",
    "Instron",
    "5985",
    "250 kN，高低温箱 -70–350 °C",
    "力学实验室",
    "201",
    "HOUR",
    [100, 160, 240],
    ["OPERATOR", "SELF_OPERATED"],
    "按 GB/T 228 制备试样",
  ),
  I(
    "ins-gm-ct",
    "org-gmam",
    "工业CT",
    "Industrial computed tomography (CT)",
    "0206",
    "Waygate",
    "v|tome|x m 300",
    "体素 < 1 μm，最大样品 Φ500 mm",
    "力学实验室",
    "205",
    "HOUR",
    [300, 450, 700],
    ["OPERATOR"],
  ),
  I(
    "ins-gm-battery",
    "org-gmam",
    "电池测试系统与电化学工作站",
    "Battery tester and electrochemical workstation",
    "0107",
    "Bio-Logic",
    "VMP-300 + BCS-815",
    "64 通道，EIS 10 μHz–7 MHz",
    "能源材料楼",
    "302",
    "HOUR",
    [20, 30, 50],
    ["SELF_OPERATED"],
  ),
  I(
    "ins-gm-3dp",
    "org-gmam",
    "金属3D打印机",
    "Metal 3D printer (additive manufacturing)",
    "11",
    "铂力特",
    "BLT-S310",
    "成形尺寸 250×250×400 mm，钛合金/铝合金/高温合金",
    "工艺车间",
    "01",
    "HOUR",
    [300, 450, 700],
    ["OPERATOR"],
  ),
  I(
    "ins-gm-fs",
    "org-gmam",
    "飞秒激光微加工系统",
    "Femtosecond laser micromachining system",
    "12",
    "Light Conversion",
    "PHAROS PH2",
    "1030 nm，290 fs，20 W",
    "工艺车间",
    "03",
    "HOUR",
    [250, 380, 600],
    ["OPERATOR"],
  ),
  // 深港生物医学工程联合研究院 公共仪器平台
  I(
    "ins-hk-confocal",
    "org-szhk",
    "激光共聚焦显微镜",
    "Confocal laser scanning microscope",
    "0108",
    "Leica",
    "STELLARIS 8",
    "白光激光，活细胞工作站",
    "生物医学楼",
    "3F-01",
    "HOUR",
    [120, 180, 300],
    ["SELF_OPERATED", "OPERATOR"],
  ),
  I(
    "ins-hk-facs",
    "org-szhk",
    "流式细胞分选仪",
    "Flow cytometer / cell sorter",
    "0110",
    "BD",
    "FACSAria III",
    "4 激光 18 色，四路分选",
    "生物医学楼",
    "3F-05",
    "HOUR",
    [200, 300, 450],
    ["OPERATOR"],
    "单细胞悬液，注明生物安全等级",
  ),
  I(
    "ins-hk-seq",
    "org-szhk",
    "高通量基因测序仪",
    "High-throughput DNA sequencer",
    "0110",
    "Illumina",
    "NovaSeq 6000",
    "S4 流动槽，PE150",
    "生物医学楼",
    "4F-02",
    "SAMPLE",
    [800, 1200, 2000],
    ["OPERATOR"],
    "DNA/RNA 须通过质检",
  ),
  I(
    "ins-hk-qpcr",
    "org-szhk",
    "实时荧光定量PCR仪",
    "Real-time quantitative PCR system",
    "0110",
    "Bio-Rad",
    "CFX Opus 384",
    "384 孔，5 色通道",
    "生物医学楼",
    "4F-06",
    "HOUR",
    [30, 50, 80],
    ["SELF_OPERATED"],
  ),
  I(
    "ins-hk-microct",
    "org-szhk",
    "小动物显微CT",
    "Small-animal micro-CT",
    "09",
    "Bruker",
    "SkyScan 1276",
    "分辨率 2.8 μm，活体成像",
    "动物中心",
    "B1-12",
    "HOUR",
    [300, 450, 700],
    ["OPERATOR"],
    "须提交动物伦理批件",
  ),
  I(
    "ins-hk-uv",
    "org-szhk",
    "紫外可见分光光度计",
    "UV-Vis spectrophotometer",
    "0104",
    "Shimadzu",
    "UV-2600i",
    "185–900 nm，积分球附件",
    "生物医学楼",
    "2F-08",
    "HOUR",
    [20, 30, 50],
    ["SELF_OPERATED"],
  ),
  I(
    "ins-hk-climate",
    "org-szhk",
    "高低温湿热环境试验箱",
    "Climatic test chamber",
    "11",
    "ESPEC",
    "PL-3J",
    "-40–150 °C，20–98 %RH",
    "医疗器械测试楼",
    "101",
    "HOUR",
    [40, 60, 100],
    ["OPERATOR", "SELF_OPERATED"],
  ),
];

export const INSTRUMENT_INSTITUTIONS = ["org-nanling", "org-gmam", "org-szhk"] as const;
/** Partners get the middle price (南岭科技大学 and 深圳滨海理工学院 share instruments). */
const PARTNERS: Record<string, string[]> = { "org-nanling": ["org-binhai"], "org-gmam": ["org-nanling"], "org-szhk": [] };

// A small deterministic generator (mulberry32), so every seed gives the same history.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Midnight China time of the day `days` from `now`. */
const chinaDay = (now: number, days: number) => Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR + days * DAY;

/** The demo instrument rows, closures and bookings (Prisma createMany rows). */
export function buildInstrumentDemoRows(now = Date.now()) {
  const regionOf = (orgId: string) => organisations.find((o) => o.id === orgId)?.region ?? null;
  const instrumentRows = demoInstruments.map((d, i) => ({
    id: d.id,
    organisationId: d.organisationId,
    managerId: orgAdminId(d.organisationId),
    externalId: d.id.toUpperCase(),
    name: d.name,
    nameEn: d.nameEn,
    categoryCode: d.categoryCode,
    maker: d.maker,
    model: d.model,
    specs: d.specs,
    campus: d.organisationId === "org-nanling" ? "西丽校区" : null,
    building: d.building,
    room: d.room,
    region: regionOf(d.organisationId),
    services: d.services,
    sampleRequirements: d.sampleRequirements ?? null,
    priceUnit: d.priceUnit,
    priceInternal: d.prices[0],
    pricePartner: d.prices[1],
    priceExternal: d.prices[2],
    operatorName: ["李工", "王老师", "陈工", "赵老师"][i % 4]!,
    contactPhone: `0755-2653${String(1000 + i).slice(-4)}`,
    contactEmail: `${d.id.replace("ins-", "")}@demo.techbridge.cn`,
    openDays: [1, 2, 3, 4, 5],
    opensAt: "09:00",
    closesAt: d.categoryCode === "13" ? "21:00" : "17:30",
    freeCancelHours: 24,
    createdAt: new Date(now - 200 * DAY),
  }));
  const closureRows = demoInstruments
    .filter((_, i) => i % 5 === 0)
    .map((d, i) => ({
      id: `clo-${d.id}`,
      instrumentId: d.id,
      startsAt: new Date(chinaDay(now, 3 + i) + 9 * HOUR),
      endsAt: new Date(chinaDay(now, 3 + i) + 17.5 * HOUR),
      reason: "年度维护保养",
    }));

  const companies = users.filter((u) => u.role === "COMPANY" && u.isOrgAdmin);
  const membersOf = (orgId: string) => users.filter((u) => u.organisationId === orgId && u.role === "RESEARCHER");
  const partnerMembers = (orgId: string) => (PARTNERS[orgId] ?? []).flatMap(membersOf);
  const bookingRows: {
    id: string;
    instrumentId: string;
    bookerId: string;
    organisationId: string;
    service: Service;
    purpose: string;
    sample: string | null;
    startsAt: Date;
    endsAt: Date;
    status: "REQUESTED" | "APPROVED" | "DECLINED" | "CANCELLED" | "COMPLETED" | "RATED" | "NO_SHOW";
    tier: "INTERNAL" | "PARTNER" | "EXTERNAL";
    declineReason: string | null;
    hoursUsed: number | null;
    fee: number | null;
    rating: number | null;
    createdAt: Date;
    approvedAt: Date | null;
    completedAt: Date | null;
  }[] = [];
  const purposes = ["新材料物相与结构表征", "产品失效分析", "来料质量检验", "工艺优化对比实验", "论文数据补充测试", "客户送检样品分析"];
  demoInstruments.forEach((d, index) => {
    const random = rng(1000 + index);
    const internal = membersOf(d.organisationId);
    const partners = partnerMembers(d.organisationId);
    const hourly = d.priceUnit === "HOUR";
    // 180 days back to 14 days ahead; two slots a day (09:00-12:00, 14:00-17:00).
    for (let day = -180; day <= 14; day++) {
      const start = chinaDay(now, day);
      const weekday = new Date(start + 8 * HOUR).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const [from, to] of [
        [9, 12],
        [14, 17],
      ] as const) {
        if (random() > 0.42) continue;
        const r = random();
        // Mostly internal use (the 7% problem), more outside sharing in the recent months.
        const externalShare = day > -60 ? 0.3 : 0.14;
        const kind = r < externalShare ? "EXTERNAL" : r < externalShare + 0.05 && partners.length ? "PARTNER" : "INTERNAL";
        const booker =
          kind === "EXTERNAL"
            ? companies[Math.floor(random() * companies.length)]!
            : kind === "PARTNER"
              ? partners[Math.floor(random() * partners.length)]!
              : (internal[Math.floor(random() * internal.length)] ?? { id: orgAdminId(d.organisationId), organisationId: d.organisationId });
        const startsAt = new Date(start + from * HOUR);
        const endsAt = new Date(start + to * HOUR);
        if (closureRows.some((c) => c.instrumentId === d.id && c.startsAt < endsAt && c.endsAt > startsAt)) continue;
        const createdAt = new Date(startsAt.getTime() - (2 + Math.floor(random() * 6)) * DAY);
        const approvedAfterHours = kind === "INTERNAL" ? 1 + random() * 8 : 4 + random() * 40;
        const past = endsAt.getTime() < now;
        const outcome = random();
        let status: (typeof bookingRows)[number]["status"];
        if (!past) status = createdAt.getTime() + approvedAfterHours * HOUR < now && outcome < 0.7 ? "APPROVED" : "REQUESTED";
        else status = outcome < 0.05 ? "DECLINED" : outcome < 0.09 ? "CANCELLED" : outcome < 0.12 ? "NO_SHOW" : outcome < 0.55 ? "RATED" : "COMPLETED";
        const approved = status !== "REQUESTED" && status !== "DECLINED";
        const hoursUsed = status === "COMPLETED" || status === "RATED" ? Math.round((to - from - random() * 1.5) * 4) / 4 : null;
        const unit = kind === "INTERNAL" ? d.prices[0] : kind === "PARTNER" ? d.prices[1] : d.prices[2];
        const samples = 1 + Math.floor(random() * 6);
        const fee = hoursUsed !== null ? (hourly ? Math.round(unit * hoursUsed) : unit * samples) : hourly ? unit * (to - from) : unit * samples;
        bookingRows.push({
          id: `bk-${d.id}-${day + 200}-${from}`,
          instrumentId: d.id,
          bookerId: booker.id!,
          organisationId: booker.organisationId!,
          service: d.services[Math.floor(random() * d.services.length)]!,
          purpose: purposes[Math.floor(random() * purposes.length)]!,
          sample: hourly ? null : `${samples} 个样品`,
          startsAt,
          endsAt,
          status,
          tier: kind,
          declineReason: status === "DECLINED" ? "该时段机组人员外出培训，请改约其他时间" : null,
          hoursUsed,
          fee,
          rating: status === "RATED" ? (random() < 0.7 ? 5 : 4) : null,
          createdAt,
          approvedAt: approved ? new Date(createdAt.getTime() + approvedAfterHours * HOUR) : null,
          completedAt: hoursUsed !== null ? endsAt : null,
        });
      }
    }
  });
  const partnerRows = Object.entries(PARTNERS).flatMap(([organisationId, ids]) =>
    ids.map((partnerOrganisationId) => ({ organisationId, partnerOrganisationId, createdAt: new Date(now - 200 * DAY) })),
  );
  return { instrumentRows, closureRows, bookingRows, partnerRows };
}
