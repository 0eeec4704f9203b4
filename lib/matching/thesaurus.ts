// A curated Chinese-English technical thesaurus for bilingual matching (a Chinese need must find
// English results and the reverse). Used twice: as Meilisearch synonyms (catalogue search) and
// for query translation in the matcher. Each line: 中文 | english term | another english term.
// Pure data + helpers; no server-only.

const RAW = `
姿态估计|attitude estimation|orientation estimation
姿态解算|attitude estimation
航向|heading
磁干扰|magnetic interference|magnetic disturbance
抗磁干扰|magnetic interference resistance
磁力计|magnetometer
惯性测量单元|inertial measurement unit|imu
惯性导航|inertial navigation
传感器融合|sensor fusion
多传感器融合|multi-sensor fusion|sensor fusion
可穿戴设备|wearable device|wearables
可穿戴|wearable
智能手环|smart band|fitness band
陀螺仪|gyroscope
加速度计|accelerometer
固态电解质|solid-state electrolyte|solid electrolyte
快充|fast charging
离子电导率|ionic conductivity
锂电池|lithium battery|li-ion battery
锂离子电池|lithium-ion battery|lithium ion battery
动力电池|power battery|traction battery
固态电池|solid-state battery|solid state battery
储能|energy storage
电池管理系统|battery management system
正极材料|cathode material
负极材料|anode material
电解质|electrolyte
电解液|electrolyte
隔膜|separator
能量密度|energy density
功率密度|power density
燃料电池|fuel cell
氢能|hydrogen energy
制氢|hydrogen production
电解水|water electrolysis
光伏|photovoltaic|solar cell
太阳能电池|solar cell
钙钛矿|perovskite
风电|wind power
风力发电|wind power generation
新能源汽车|new energy vehicle|electric vehicle
电动汽车|electric vehicle
充电桩|charging pile|charging station
逆变器|inverter
电机|electric motor
半导体|semiconductor
芯片|chip|integrated circuit
集成电路|integrated circuit
晶圆|wafer
光刻|lithography
光刻胶|photoresist
封装|packaging
碳化硅|silicon carbide
氮化镓|gallium nitride
功率器件|power device
传感器|sensor
激光|laser
激光雷达|lidar
光纤|optical fiber
探测器|detector
人工智能|artificial intelligence
机器学习|machine learning
深度学习|deep learning
神经网络|neural network
计算机视觉|computer vision
图像识别|image recognition
自然语言处理|natural language processing
大模型|large language model
语音识别|speech recognition
机器人|robot|robotics
工业机器人|industrial robot
自动驾驶|autonomous driving
无人机|unmanned aerial vehicle|drone
物联网|internet of things
区块链|blockchain
云计算|cloud computing
边缘计算|edge computing
数字孪生|digital twin
算法|algorithm
优化|optimization
控制系统|control system
故障诊断|fault diagnosis
预测|prediction
生物医药|biomedicine
药物|drug
疫苗|vaccine
抗体|antibody
基因|gene
基因编辑|gene editing
细胞|cell
干细胞|stem cell
蛋白质|protein
医疗器械|medical device
诊断|diagnosis
癌症|cancer
肿瘤|tumor|cancer
高血压|hypertension
糖尿病|diabetes
中药|traditional chinese medicine
新材料|new material|advanced material
复合材料|composite material|composite
纳米材料|nanomaterial
石墨烯|graphene
碳纤维|carbon fiber
陶瓷|ceramic
合金|alloy
高分子|polymer
聚合物|polymer
涂层|coating
催化剂|catalyst
薄膜|thin film
金属|metal
钢|steel
铝合金|aluminum alloy
钛合金|titanium alloy
腐蚀|corrosion
疲劳|fatigue
断裂|fracture
焊接|welding
增材制造|additive manufacturing|3d printing
3D打印|3d printing|additive manufacturing
数控机床|cnc machine tool
智能制造|intelligent manufacturing|smart manufacturing
精密加工|precision machining
模具|mould|mold
轴承|bearing
齿轮|gear
振动|vibration
噪声|noise
热传导|heat conduction|thermal conduction
传热|heat transfer
热交换|heat exchange
换热器|heat exchanger
散热|heat dissipation|cooling
温度|temperature
压力|pressure
流体|fluid
流动|flow
湍流|turbulence|turbulent flow
层流|laminar flow
边界层|boundary layer
空气动力学|aerodynamics
气动|aerodynamic
超声速|supersonic
高超声速|hypersonic
跨声速|transonic
激波|shock wave
机翼|wing
飞行器|aircraft|flight vehicle
航空|aviation|aeronautics
航天|aerospace|spaceflight
卫星|satellite
发动机|engine
涡轮|turbine
燃烧|combustion
喷管|nozzle
颤振|flutter
结构|structure
屈曲|buckling
壳体|shell
平板|flat plate|plate
圆柱|cylinder
有限元|finite element
数值模拟|numerical simulation
仿真|simulation
实验|experiment
模型|model
材料|material
能源|energy
节能|energy saving
环保|environmental protection
污水处理|wastewater treatment
废水|wastewater
水处理|water treatment
大气污染|air pollution
碳捕集|carbon capture
碳中和|carbon neutrality
固废|solid waste
回收|recycling
农业|agriculture
育种|breeding
食品|food
食品安全|food safety
保鲜|preservation
检测|detection|testing
无损检测|non-destructive testing
质量控制|quality control
通信|communication
5G|5g
天线|antenna
射频|radio frequency
雷达|radar
图像|image
视频|video
信号处理|signal processing
软件|software
数据库|database
网络安全|cybersecurity|network security
加密|encryption
大数据|big data
`;

export type ThesaurusEntry = { zh: string; en: string[] };

export const THESAURUS: readonly ThesaurusEntry[] = RAW.split("\n")
  .map((l) => l.trim())
  .filter(Boolean)
  .map((l) => {
    const [zh, ...en] = l.split("|").map((s) => s.trim());
    return { zh: zh!, en: en.filter(Boolean) };
  });

/** Meilisearch synonyms (two-way): 锂电池 <-> lithium battery. */
export function thesaurusSynonyms(): Record<string, string[]> {
  const syn: Record<string, Set<string>> = {};
  const add = (k: string, v: string) => {
    const key = k.toLowerCase();
    if (key === v.toLowerCase()) return;
    (syn[key] ??= new Set()).add(v.toLowerCase());
  };
  for (const { zh, en } of THESAURUS) {
    for (const e of en) {
      add(zh, e);
      add(e, zh);
    }
  }
  return Object.fromEntries(Object.entries(syn).map(([k, v]) => [k, [...v]]));
}
